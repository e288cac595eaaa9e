import { previewPlay, RECYCLE_COST, whyRefused, type Side } from '../../game';
import { contentField } from '../bridge';
import { t } from '../i18n';
import { CardFace } from './CardFace';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';
import type { BoardProps } from './types';

/** The seat's hidden hand: each card with Play and Recycle. */
export function HandPanel({ G, ctx, seat, send }: BoardProps & { seat: Side }) {
  const hand = G.sides[seat].hand;
  if (hand.length === 0) return <p className="muted">{t('hand.empty')}</p>;
  return (
    <ul className="hand" aria-label={t('desk.hand')}>
      {hand.map((id, index) => {
        const refusal = whyRefused(G, ctx, seat, { kind: 'card', id });
        const recycleRefusal = whyRefused(G, ctx, seat, { kind: 'recycle', id });
        const title = contentField('card', id, 'title');
        return (
          <li key={`${id}-${index}`} className={refusal ? 'hand-card refused' : 'hand-card'}>
            <CardFace G={G} side={seat} id={id} />
            {!refusal && <PreviewLine preview={previewPlay(G, seat, { kind: 'card', id })} side={seat} />}
            <div className="card-buttons">
              <PlayButton id={`card-${index}`} refusal={refusal} onPlay={() => send({ move: 'playCard', args: [id] })}>
                {t('hand.play', { title })}
              </PlayButton>
              {!recycleRefusal && (
                <button type="button" className="secondary" onClick={() => send({ move: 'recycle', args: [id] })}>
                  {t('hand.recycle', { title, cost: RECYCLE_COST })}
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
