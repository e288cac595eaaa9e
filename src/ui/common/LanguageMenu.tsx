import { useId } from 'react';
import { t } from '../i18n';
import { localeStore, offeredLocales, useLocale } from '../store/localeStore';

/** The language menu, on every screen; it shows itself only when there is a choice to make. */
export function LanguageMenu() {
  const locale = useLocale();
  const id = useId();
  const offered = offeredLocales(locale);
  if (offered.length < 2) return null;
  return (
    <p className="language-menu">
      <label htmlFor={id}>{t('app.language')}</label>{' '}
      <select id={id} value={locale} onChange={(e) => void localeStore.getState().choose(e.target.value)}>
        {offered.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </p>
  );
}
