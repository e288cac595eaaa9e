import { actionMenu, previewPlay, type Side } from '../../game';
import { contentField, tagIcon } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';
import type { BoardProps } from './types';

/** A side's standard actions: cost, text, projected effects, and the reason when refused. */
export function ActionMenu({ G, ctx, seat, send }: BoardProps & { seat: Side }) {
  return (
    <ul className="action-list" aria-label={t('desk.actions')}>
      {actionMenu(G, ctx, seat).map(({ def, cost, refusal }) => (
        <li key={def.id} className={refusal ? 'action refused' : 'action'}>
          <div className="action-head">
            <Icon name={tagIcon(def.tags)} />
            <h3>{contentField('action', def.id, 'title')}</h3>
            <span className="cost" aria-label={t('common.costLabel', { count: cost })}>
              {cost}
            </span>
          </div>
          <p className="action-text">{contentField('action', def.id, 'text')}</p>
          {!refusal && <PreviewLine preview={previewPlay(G, seat, { kind: 'action', id: def.id })} side={seat} />}
          <PlayButton id={`action-${def.id}`} refusal={refusal} onPlay={() => send({ move: 'act', args: [def.id] })}>
            {t('desk.take', { title: contentField('action', def.id, 'title') })}
          </PlayButton>
        </li>
      ))}
    </ul>
  );
}
