/**
 * Links between the two rules documents (rules/rulebook.md and rules/summary.md). In the
 * repository they link as files do ("rulebook.md#r22-scenarios-and-their-starting-tracks",
 * GitHub's anchor for a heading); in the app the same links lead to the rulebook page's rule
 * anchors ("#/rules/r2-2") and to the summary ("#/rules/summary").
 */

/** "R4.2 The world event" → "r4-2", so that rule ids can be linked to. */
export function ruleAnchor(heading: string): string | null {
  const match = /^(R\d+(?:\.\d+)*)\b/.exec(heading.trim());
  return match?.[1] ? match[1].toLowerCase().replace(/\./g, '-') : null;
}

/** GitHub's anchor for a heading: "R2.2 Scenarios and their starting tracks" → "r22-scenarios-and-their-starting-tracks". */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The rule anchor of every rule heading in a markdown document, by its GitHub anchor. */
export function ruleAnchorsBySlug(markdown: string): ReadonlyMap<string, string> {
  const anchors = new Map<string, string>();
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    const anchor = heading ? ruleAnchor(heading) : null;
    if (heading && anchor) anchors.set(headingSlug(heading), anchor);
  }
  return anchors;
}

/**
 * Where a link in a rules document leads in the app: `summary.md` → "#/rules/summary",
 * `rulebook.md` → "#/rules", `rulebook.md#<GitHub anchor of a rule>` → "#/rules/<rule anchor>".
 * Any other link is left as it is.
 */
export function rulesHref(href: string, anchors: ReadonlyMap<string, string>): string {
  const match = /^(?:\.\/)?(rulebook|summary)\.md(?:#(.*))?$/.exec(href);
  if (!match) return href;
  if (match[1] === 'summary') return '#/rules/summary';
  const anchor = match[2] ? anchors.get(match[2]) : undefined;
  return anchor ? `#/rules/${anchor}` : '#/rules';
}
