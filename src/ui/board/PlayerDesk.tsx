import { actingSide, whyRefused, type Side } from '../../game';
import { refusalText, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';
import type { DeskPanel } from '../store/matchStore';
import { ActionMenu } from './ActionMenu';
import { DealComposer } from './DealComposer';
import { HandPanel } from './HandPanel';
import type { BoardProps } from './types';

const PANELS: { id: DeskPanel; icon: string }[] = [
  { id: 'actions', icon: 'leverage' },
  { id: 'hand', icon: 'card' },
  { id: 'deal', icon: 'deal' },
];

/** The seat's desk: its actions, its hand, the deal composer, and Pass. */
export function PlayerDesk(props: BoardProps & { seat: Side }) {
  const { G, ctx, seat, send } = props;
  const panel = useMatchUi((s) => s.panel);
  const setPanel = useMatchUi((s) => s.setPanel);
  const acting = actingSide(G, ctx);
  const passRefusal = whyRefused(G, ctx, seat, { kind: 'pass' });
  return (
    <section className={`desk desk-${seat}`} aria-labelledby="desk-title">
      <div className="desk-bar">
        <h2 id="desk-title">{t('desk.title', { side: sideName(seat) })}</h2>
        <div className="desk-tabs" role="group" aria-label={t('desk.show')}>
          {PANELS.map((p) => (
            <button key={p.id} type="button" aria-pressed={panel === p.id} onClick={() => setPanel(p.id)}>
              <Icon name={p.icon} /> {p.id === 'hand' ? t('desk.handCount', { count: G.sides[seat].hand.length }) : t(`desk.${p.id}`)}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="pass-button"
          aria-disabled={passRefusal ? true : undefined}
          title={passRefusal ? refusalText(passRefusal) : t('desk.passHint')}
          onClick={() => {
            if (!passRefusal) send({ move: 'pass', args: [] });
          }}
        >
          <Icon name="pass" /> {t('desk.pass')}
        </button>
      </div>
      {acting !== seat && <p className="waiting">{t('desk.waiting', { side: acting ? sideName(acting) : '' })}</p>}
      <div className="desk-panel">
        {panel === 'actions' && <ActionMenu {...props} />}
        {panel === 'hand' && <HandPanel {...props} />}
        {panel === 'deal' && <DealComposer {...props} />}
      </div>
    </section>
  );
}
