import type { ActionOption, Play, Side } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';
import { CostBadge } from './CostBadge';

/** A side's standard actions as tiles: cost, text, projected effects, and the reason when refused. */
export function ActionMenu({ actions, seat, send }: { actions: readonly ActionOption[]; seat: Side; send: (play: Play) => void }) {
  return (
    <ul className="action-list" aria-label={t('desk.actions')}>
      {actions.map(({ def, cost, refusal, preview, play }, index) => {
        const title = contentField('action', def.id, 'title');
        return (
          <li key={def.id} className={refusal ? 'action refused' : 'action'} data-guide={index === 0 ? 'preview' : undefined}>
            <div className="action-head">
              <Icon name={tagIcon(def.tags)} className="tile-icon" />
              <h3>{title}</h3>
              <CostBadge cost={cost} />
            </div>
            <p className="action-text">{contentField('action', def.id, 'text')}</p>
            <PreviewLine preview={preview} side={seat} />
            <PlayButton id={`action-${def.id}`} refusal={refusal} onPlay={() => send(play)} name={t('desk.take', { title })}>
              <Icon name="play" /> {t('desk.takeShort')}
            </PlayButton>
          </li>
        );
      })}
    </ul>
  );
}
