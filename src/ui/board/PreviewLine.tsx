import type { Preview, Side } from '../../game';
import { changeText, isGoodFor } from '../bridge';
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
        <span key={c.track} className={isGoodFor(c, side) ? 'chip good' : 'chip bad'}>
          {changeText(c)}
        </span>
      ))}
      {preview.rolls && <span className="chip">{t('preview.roll')}</span>}
    </p>
  );
}
