import type { Side, Tag } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { CostBadge } from './CostBadge';

/** The face of a policy card: title, cost (as the board model gives it), type icon, text and the "in reality" note. */
export function CardFace({ side, id, tags, cost }: { side: Side; id: string; tags: readonly Tag[]; cost: number }) {
  return (
    <div className={`card-face card-${side}`}>
      <div className="card-head">
        <Icon name={tagIcon(tags)} className="card-icon" />
        <h3>{contentField('card', id, 'title')}</h3>
        <CostBadge cost={cost} />
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
