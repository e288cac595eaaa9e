import { CONTENT } from '../../content';
import { costOf, type DeRiskState, type Side } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** The face of a policy card: title, cost, type icon, text and the "in reality" note. */
export function CardFace({ G, side, id }: { G: DeRiskState; side: Side; id: string }) {
  const def = CONTENT.cards.get(id);
  if (!def) return null;
  const cost = costOf(G, side, def);
  return (
    <div className={`card-face card-${side}`}>
      <div className="card-head">
        <Icon name={tagIcon(def.tags)} className="card-icon" />
        <h3>{contentField('card', id, 'title')}</h3>
        <span className="cost" aria-label={t('common.costLabel', { count: cost })}>
          {cost}
        </span>
      </div>
      <p className="card-text">{contentField('card', id, 'text')}</p>
      <details>
        <summary>{t('common.inReality')}</summary>
        <p>{contentField('card', id, 'reality')}</p>
        <p className="source">{contentField('card', id, 'source')}</p>
      </details>
    </div>
  );
}
