import { RECYCLE_COST, type CardOption, type Play, type Side } from '../../game';
import { contentField } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { CardFace } from './CardFace';
import { CostBadge } from './CostBadge';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';

/** The seat's hidden hand, as cards side by side: each with Play and Recycle. */
export function HandPanel({ hand, seat, send }: { hand: readonly CardOption[]; seat: Side; send: (play: Play) => void }) {
  if (hand.length === 0) return <p className="muted">{t('hand.empty')}</p>;
  return (
    <ul className="hand" aria-label={t('desk.hand')}>
      {hand.map((card, index) => {
        const title = contentField('card', card.id, 'title');
        const recycle = t('hand.recycle', { title, cost: RECYCLE_COST });
        return (
          <li key={`${card.id}-${index}`} className={card.play.refusal ? `hand-card card-${seat} refused` : `hand-card card-${seat}`}>
            <CardFace side={seat} id={card.id} tags={card.def.tags} cost={card.play.cost} />
            <PreviewLine preview={card.play.preview} side={seat} />
            <div className="card-buttons">
              <PlayButton id={`card-${index}`} refusal={card.play.refusal} onPlay={() => send(card.play.play)} name={t('hand.play', { title })}>
                <Icon name="play" /> {t('hand.playShort')}
              </PlayButton>
              {!card.recycle.refusal && (
                <button type="button" className="secondary recycle-button" title={recycle} onClick={() => send(card.recycle.play)}>
                  <span className="play-face" aria-hidden="true">
                    <Icon name="recycle" /> {t('hand.recycleShort')} <CostBadge cost={RECYCLE_COST} />
                  </span>
                  <span className="visually-hidden">{recycle}</span>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
