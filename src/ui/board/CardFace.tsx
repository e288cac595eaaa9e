import type { Side, Tag } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { CostBadge } from './CostBadge';

/** The face of a policy card: type icon and cost in its corners, title, text and the "in reality" note. */
export function CardFace({ side, id, tags, cost }: { side: Side; id: string; tags: readonly Tag[]; cost: number }) {
  return (
    <div className={`card-face card-face-${side}`}>
      <div className="card-head">
        <Icon name={tagIcon(tags)} className="card-icon" />
        <CostBadge cost={cost} />
      </div>
      <h3 className="card-title">{contentField('card', id, 'title')}</h3>
      <p className="card-text">{contentField('card', id, 'text')}</p>
      <details>
        <summary>{t('common.inReality')}</summary>
        <p>{contentField('card', id, 'reality')}</p>
        <p className="source">{contentField('card', id, 'source')}</p>
      </details>
    </div>
  );
}
