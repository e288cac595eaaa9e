import { Marked } from 'marked';
import { useMemo } from 'react';
import rulebook from '../../../rules/rulebook.md?raw';
import { t } from '../i18n';
import { PageShell, type PageProps } from './PageShell';

/** "R4.2 The world event" → "r4-2", so that rule ids can be linked to. */
export function ruleAnchor(heading: string): string | null {
  const match = /^(R\d+(?:\.\d+)*)\b/.exec(heading.trim());
  return match?.[1] ? match[1].toLowerCase().replace(/\./g, '-') : null;
}

function render(markdown: string): string {
  const marked = new Marked({
    renderer: {
      heading({ tokens, depth }) {
        const text = this.parser.parseInline(tokens);
        const plain = tokens.map((token) => ('text' in token && typeof token.text === 'string' ? token.text : '')).join('');
        const id = ruleAnchor(plain);
        return `<h${depth}${id ? ` id="${id}"` : ''}>${text}</h${depth}>\n`;
      },
    },
  });
  // Wide tables scroll inside their own box rather than the page.
  return marked.parse(markdown, { async: false }).replace(/<table>/g, '<div class="table-wrap"><table>').replace(/<\/table>/g, '</table></div>');
}

/** The rulebook (rules/rulebook.md), rendered in the app; headings carry their rule ids as anchors. */
export default function RulebookPage({ onBack, backLabel }: PageProps) {
  const html = useMemo(() => render(rulebook), []);
  return (
    <PageShell title={t('page.rules')} icon="rules" onBack={onBack} backLabel={backLabel}>
      <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </PageShell>
  );
}
