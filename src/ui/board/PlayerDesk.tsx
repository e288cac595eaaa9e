import type { ReactNode } from 'react';
import type { Desk, Play, Side } from '../../game';
import { refusalText, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';
import type { DeskPanel } from '../store/matchStore';
import { ActionMenu } from './ActionMenu';
import { DealComposer } from './DealComposer';
import { HandPanel } from './HandPanel';

const PANELS: { id: DeskPanel; icon: string }[] = [
  { id: 'actions', icon: 'leverage' },
  { id: 'hand', icon: 'card' },
  { id: 'deal', icon: 'deal' },
];

/**
 * The seat's desk: its actions, its hand, the deal composer, Pass, and the optional "Why?" for
 * the next play (`why`). While the computer chooses its move (`thinking`) the waiting line
 * says so, in the flow of the desk where the person's eyes are, covering nothing.
 */
export function PlayerDesk({ desk, acting, send, why, thinking = false }: {
  desk: Desk;
  acting: Side | null;
  send: (play: Play) => void;
  why: ReactNode;
  thinking?: boolean;
}) {
  const panel = useMatchUi((s) => s.panel);
  const setPanel = useMatchUi((s) => s.setPanel);
  const { seat, pass } = desk;
  return (
    <section className={`desk desk-${seat}`} aria-labelledby="desk-title">
      <div className="desk-bar">
        <h2 id="desk-title">{t('desk.title', { side: sideName(seat) })}</h2>
        <div className="desk-tabs" role="group" aria-label={t('desk.show')}>
          {PANELS.map((p) => (
            <button key={p.id} type="button" aria-pressed={panel === p.id} onClick={() => setPanel(p.id)}>
              <Icon name={p.icon} /> {p.id === 'hand' ? t('desk.handCount', { count: desk.hand.length }) : t(`desk.${p.id}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="pass-button"
          aria-disabled={pass.refusal ? true : undefined}
          title={pass.refusal ? refusalText(pass.refusal) : t('desk.passHint')}
          onClick={() => {
            if (!pass.refusal) send(pass.play);
          }}
        >
          <Icon name="pass" /> {t('desk.pass')}
        </button>
      </div>
      {why}
      {!desk.acting && (
        <p className={thinking ? 'waiting thinking' : 'waiting'}>
          {thinking && <span className="thinking-dots" aria-hidden="true" />}
          {thinking && acting ? t('desk.thinking', { side: sideName(acting) }) : t('desk.waiting', { side: acting ? sideName(acting) : '' })}
        </p>
      )}
      <div className="desk-panel">
        {panel === 'actions' && <ActionMenu actions={desk.actions} seat={seat} send={send} />}
        {panel === 'hand' && <HandPanel hand={desk.hand} seat={seat} send={send} />}
        {panel === 'deal' && <DealComposer deal={desk.deal} seat={seat} send={send} />}
      </div>
    </section>
  );
}
