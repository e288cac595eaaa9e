import { useId, useState } from 'react';
import { CONTENT } from '../../content';
import { contentText, t } from '../i18n';
import { PageShell, type PageProps } from './PageShell';

/** Every glossary term with its definition and an example, with a filter. */
export default function GlossaryPage({ onBack, backLabel }: PageProps) {
  const [filter, setFilter] = useState('');
  const inputId = useId();
  const entries = [...CONTENT.glossary.values()]
    .map((g) => ({
      id: g.id,
      term: contentText('glossary', g.id, 'term', g.term),
      definition: contentText('glossary', g.id, 'definition', g.definition),
      example: contentText('glossary', g.id, 'example', g.example),
    }))
    .sort((a, b) => a.term.localeCompare(b.term));
  const needle = filter.trim().toLowerCase();
  const shown = needle ? entries.filter((e) => `${e.term} ${e.definition}`.toLowerCase().includes(needle)) : entries;
  return (
    <PageShell title={t('page.glossary')} icon="glossary" onBack={onBack} backLabel={backLabel}>
      <p className="filter">
        <label htmlFor={inputId}>{t('glossary.filter')}</label>
        <input id={inputId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </p>
      <p role="status" className="muted">
        {t('glossary.count', { count: shown.length })}
      </p>
      <dl className="glossary">
        {shown.map((e) => (
          <div key={e.id} className="glossary-entry" id={`term-${e.id}`}>
            <dt>{e.term}</dt>
            <dd>
              <p>{e.definition}</p>
              <p className="example">
                <strong>{t('glossary.example')}</strong> {e.example}
              </p>
            </dd>
          </div>
        ))}
      </dl>
    </PageShell>
  );
}
