import { Marked, type Tokens } from 'marked';
import { useEffect, useMemo } from 'react';
import rulebook from '../../../rules/rulebook.md?raw';
import summary from '../../../rules/summary.md?raw';
import { t } from '../i18n';
import { useRoute } from '../router';
import { PageShell, type PageProps } from './PageShell';
import { ruleAnchor, ruleAnchorsBySlug, rulesHref } from './rulesLinks';

/** The rulebook's rule anchors by their GitHub anchors, for the links between the two documents. */
const ANCHORS = ruleAnchorsBySlug(rulebook);

function render(markdown: string): string {
  const marked = new Marked({
    // Links between rulebook.md and summary.md lead to the app's pages for them.
    walkTokens(token) {
      if (token.type !== 'link') return;
      const link = token as Tokens.Link;
      link.href = rulesHref(link.href, ANCHORS);
    },
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

/**
 * The rulebook (rules/rulebook.md), rendered in the app, with its headings carrying their rule
 * ids as anchors ("#/rules/r2-2" opens it at R2.2); or, at "#/rules/summary", the rules on one
 * card (rules/summary.md). Each links to the other.
 */
export default function RulebookPage({ onBack, backLabel }: PageProps) {
  const [route] = useRoute();
  const at = route.page === 'rules' ? route.at : undefined;
  const isSummary = at === 'summary';
  const html = useMemo(() => render(isSummary ? summary : rulebook), [isSummary]);
  useEffect(() => {
    const rule = at && at !== 'summary' ? document.getElementById(at) : null;
    if (!rule) {
      window.scrollTo(0, 0);
      return;
    }
    // Keyboard and screen-reader users land on the rule too.
    rule.tabIndex = -1;
    rule.scrollIntoView();
    rule.focus({ preventScroll: true });
  }, [at]);
  return (
    <PageShell title={t(isSummary ? 'page.summary' : 'page.rules')} icon="rules" onBack={onBack} backLabel={backLabel}>
      <p>
        <a href={isSummary ? '#/rules' : '#/rules/summary'}>{t(isSummary ? 'rules.toRulebook' : 'rules.toSummary')}</a>
      </p>
      <article className="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </PageShell>
  );
}
