import type { Preview, Side } from '../../game';
import { ChangeChip } from '../common/ChangeChip';
import { t } from '../i18n';

/** The projected track changes of a play, coloured by whether they help the viewer. */
export function PreviewLine({ preview, side }: { preview: Preview | null; side: Side }) {
  if (!preview) return null;
  const changes = preview.changes.filter((c) => !c.track.endsWith('Leverage'));
  return (
    <p className="preview">
      <span className="visually-hidden">{t('preview.label')}: </span>
      {changes.length === 0 && <span className="muted">{t('preview.noTrack')}</span>}
      {changes.map((c) => (
        <ChangeChip key={c.track} change={c} viewer={side} />
      ))}
      {preview.rolls && <span className="chip">{t('preview.roll')}</span>}
    </p>
  );
}
