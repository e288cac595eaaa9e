import { SIDES } from '../../content/types';
import type { Side } from '../../game';
import { BOT_LEVELS, PERSONAS, type BotLevel, type Persona } from '../bots/opponent';
import { ChoiceGroup } from '../common/ChoiceGroup';
import { t } from '../i18n';
import { sideName } from './setupChoices';

export interface ComputerChoice {
  /** The side the person plays. */
  readonly you: Side;
  readonly level: BotLevel;
  readonly persona: Persona;
}

export const DEFAULT_COMPUTER_CHOICE: ComputerChoice = { you: 'us', level: 'normal', persona: 'balanced' };

interface PickerProps<T> {
  name: string;
  legend: string;
  value: T;
  onChange: (value: T) => void;
}

/** The computer's level, each with its plain one-line description (the start screen and the online waiting room). */
export function LevelChoice(props: PickerProps<BotLevel>) {
  return <ChoiceGroup {...props} options={BOT_LEVELS} title={(level) => t(`computer.level.${level}`)} text={(level) => t(`computer.levelText.${level}`)} />;
}

/** The computer's temperament, each with its plain one-line description. */
export function PersonaChoice(props: PickerProps<Persona>) {
  return (
    <ChoiceGroup {...props} options={PERSONAS} title={(persona) => t(`computer.persona.${persona}`)} text={(persona) => t(`computer.personaText.${persona}`)} />
  );
}

/** Against the computer: the person's side, the computer's level and its temperament. */
export function ComputerChoices({ choice, onChange }: { choice: ComputerChoice; onChange: (choice: ComputerChoice) => void }) {
  return (
    <>
      <ChoiceGroup
        name="computer-side"
        legend={t('start.yourSide')}
        options={SIDES}
        value={choice.you}
        onChange={(you) => onChange({ ...choice, you })}
        title={(side) => t('start.playAs', { side: sideName(side) })}
        text={(side) => t(`start.sideText.${side}`)}
      />
      <LevelChoice name="computer-level" legend={t('start.level')} value={choice.level} onChange={(level) => onChange({ ...choice, level })} />
      <PersonaChoice name="computer-persona" legend={t('start.temperament')} value={choice.persona} onChange={(persona) => onChange({ ...choice, persona })} />
    </>
  );
}
