import { useState } from 'react';
import type { BotLevel, Persona } from '../../bots/types';
import { LevelChoice, PersonaChoice } from '../start/ComputerChoices';
import { t } from '../i18n';
import { lobbyError, seatComputer } from './lobbyApi';
import type { HeldSeat } from './seats';

/**
 * In the waiting room, for the player holding a seat while the other is empty: give the empty
 * seat to the computer, at a chosen level and temperament. The computer then plays on the
 * server; the seat list shows it once it has sat down.
 */
export function ComputerSeatForm({ code, seat }: { code: string; seat: HeldSeat }) {
  const [level, setLevel] = useState<BotLevel>('normal');
  const [persona, setPersona] = useState<Persona>('balanced');
  const [state, setState] = useState<'choosing' | 'asking' | 'seated'>('choosing');
  const [error, setError] = useState<string | null>(null);
  const ask = async () => {
    setState('asking');
    setError(null);
    try {
      await seatComputer(code, seat.playerID, seat.credentials, level, persona);
      setState('seated');
    } catch (e) {
      setError(lobbyError(e));
      setState('choosing');
    }
  };
  return (
    <details className="computer-seat">
      <summary>{t('online.computer.offer')}</summary>
      <form onSubmit={(e) => { e.preventDefault(); void ask(); }}>
        <LevelChoice name={`computer-level-${code}`} legend={t('online.computer.level')} value={level} onChange={setLevel} />
        <PersonaChoice name={`computer-persona-${code}`} legend={t('online.computer.persona')} value={persona} onChange={setPersona} />
        {error && <p role="alert" className="banner bad">{error}</p>}
        {state === 'seated' ? (
          <p role="status">{t('online.computer.seating')}</p>
        ) : (
          <button type="submit" className="primary" disabled={state === 'asking'}>
            {t('online.computer.submit')}
          </button>
        )}
      </form>
    </details>
  );
}
