import { RECYCLE_COST, type CardOption, type Play, type Side } from '../../game';
import { contentField } from '../bridge';
import { t } from '../i18n';
import { CardFace } from './CardFace';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';

/** The seat's hidden hand: each card with Play and Recycle. */
export function HandPanel({ hand, seat, send }: { hand: readonly CardOption[]; seat: Side; send: (play: Play) => void }) {
  if (hand.length === 0) return <p className="muted">{t('hand.empty')}</p>;
  return (
    <ul className="hand" aria-label={t('desk.hand')}>
      {hand.map((card, index) => {
        const title = contentField('card', card.id, 'title');
        return (
          <li key={`${card.id}-${index}`} className={card.play.refusal ? 'hand-card refused' : 'hand-card'}>
            <CardFace side={seat} id={card.id} tags={card.def.tags} cost={card.play.cost} />
            <PreviewLine preview={card.play.preview} side={seat} />
            <div className="card-buttons">
              <PlayButton id={`card-${index}`} refusal={card.play.refusal} onPlay={() => send(card.play.play)}>
                {t('hand.play', { title })}
              </PlayButton>
              {!card.recycle.refusal && (
                <button type="button" className="secondary" onClick={() => send(card.recycle.play)}>
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
