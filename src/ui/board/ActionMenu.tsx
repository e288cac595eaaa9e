import type { ActionOption, Play, Side } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';
import { CostBadge } from './CostBadge';

/** A side's standard actions: cost, text, projected effects, and the reason when refused. */
export function ActionMenu({ actions, seat, send }: { actions: readonly ActionOption[]; seat: Side; send: (play: Play) => void }) {
  return (
    <ul className="action-list" aria-label={t('desk.actions')}>
      {actions.map(({ def, cost, refusal, preview, play }) => (
        <li key={def.id} className={refusal ? 'action refused' : 'action'}>
          <div className="action-head">
            <Icon name={tagIcon(def.tags)} />
            <h3>{contentField('action', def.id, 'title')}</h3>
            <CostBadge cost={cost} />
          </div>
          <p className="action-text">{contentField('action', def.id, 'text')}</p>
          <PreviewLine preview={preview} side={seat} />
          <PlayButton id={`action-${def.id}`} refusal={refusal} onPlay={() => send(play)}>
            {t('desk.take', { title: contentField('action', def.id, 'title') })}
          </PlayButton>
        </li>
      ))}
    </ul>
  );
}
