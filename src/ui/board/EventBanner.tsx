import { CONTENT } from '../../content';
import type { DeRiskState } from '../../game';
import { contentField } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';

/** The world event of the round, compact at the head of the table: title, its text in smaller type, and the "in reality" note folded away. */
export function EventBanner({ G }: { G: DeRiskState }) {
  const id = G.currentEvent;
  if (!id) return null;
  const scheduled = CONTENT.events.get(id)?.scheduled ?? false;
  return (
    <section className="event-banner" aria-labelledby="event-title">
      <Icon name="event" className="event-icon" />
      <div className="event-body">
        <h2 id="event-title">
          <span className="eyebrow">{scheduled ? t('event.scheduled') : t('event.world')}</span> {contentField('event', id, 'title')}
        </h2>
        <p className="event-text">{contentField('event', id, 'text')}</p>
        <details>
          <summary>{t('common.inReality')}</summary>
          <p>{contentField('event', id, 'reality')}</p>
        </details>
      </div>
    </section>
  );
}
