import type { ReactNode } from 'react';
import { lastRound, type BoardModel, type DeRiskState } from '../../game';
import { contentField, dateLabel, sideName } from '../bridge';
import { HelpLinks } from '../common/HelpLinks';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** Date, round, whose turn and actions left, the room (online), the screen's own controls, and the way to the rules. */
export function TopBar({ G, model, room, controls, onOpenRules, onOpenGlossary }: {
  G: DeRiskState;
  model: BoardModel;
  room?: string;
  controls?: ReactNode;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
}) {
  const { acting, actionsLeft: left } = model;
  return (
    <header className="topbar">
      <div className="topbar-title">
        <span className="logo">{t('app.name')}</span>
        <span className="scenario">{contentField('scenario', G.scenario, 'title')}</span>
      </div>
      <p className="topbar-round" aria-live="polite">
        <strong>{t('top.date', { date: dateLabel(G.scenario, G.round), round: G.round, length: lastRound(G) })}</strong>
        {acting && (
          <span className={`turn turn-${acting}`}>
            <Icon name={acting === 'us' ? 'washington' : 'beijing'} />
            {G.proposal ? t('top.answering', { side: sideName(acting) }) : t('top.turn', { side: sideName(acting), count: left })}
          </span>
        )}
      </p>
      {room && <p className="room">{t('table.room', { code: room })}</p>}
      {controls && <div className="topbar-controls">{controls}</div>}
      <HelpLinks className="topbar-links" onOpenRules={onOpenRules} onOpenGlossary={onOpenGlossary} />
    </header>
  );
}
