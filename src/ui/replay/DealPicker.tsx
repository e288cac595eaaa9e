/**
 * The other play, when it is a deal: rather than one entry per combination of terms (there can be
 * hundreds), the terms each side would give, as checkboxes, like the board's own deal composer.
 * Only the engine's legal proposals can be chosen: a term that no allowed deal has together with
 * the terms already picked cannot be ticked, and a set of terms that is not itself an allowed deal
 * (one side gives nothing yet, or it is the deal really proposed) says why.
 */
import { CONTENT } from '../../content';
import type { Play, Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { t } from '../i18n';

export type Proposal = Extract<Play, { kind: 'propose' }>;

export interface TermChoice {
  readonly id: string;
  readonly picked: boolean;
  /** False when no allowed deal holds this term together with those picked (a picked term can always be unticked). */
  readonly open: boolean;
}

export interface DealChoices {
  /** The terms of the allowed deals, each side's in the content's order. */
  readonly terms: Readonly<Record<Side, readonly TermChoice[]>>;
  /** The allowed deal of exactly the picked terms, if there is one. */
  readonly match: Proposal | undefined;
  /** Why the picked terms are no deal yet, when they are not. */
  readonly problem: { readonly kind: 'empty'; readonly side: Side } | { readonly kind: 'real' } | { readonly kind: 'notAllowed' } | null;
}

const SIDES: readonly Side[] = ['us', 'cn'];
const sideOf = (id: string): Side => CONTENT.dealTerms.get(id)?.side ?? 'us';
const holds = (proposal: Proposal, ids: Iterable<string>) => [...ids].every((id) => proposal.terms.includes(id));

/** What the picker shows for the picked terms, given the allowed deals and the deal really proposed (if it was one). */
export function dealChoices(proposals: readonly Proposal[], picked: ReadonlySet<string>, real?: Play): DealChoices {
  const offered = new Set(proposals.flatMap((p) => p.terms));
  const terms = { us: [] as TermChoice[], cn: [] as TermChoice[] };
  for (const id of CONTENT.dealTerms.keys()) {
    if (!offered.has(id)) continue;
    const isPicked = picked.has(id);
    terms[sideOf(id)].push({ id, picked: isPicked, open: isPicked || proposals.some((p) => holds(p, [...picked, id])) });
  }
  const match = proposals.find((p) => p.terms.length === picked.size && holds(p, picked));
  const emptySide = SIDES.find((side) => ![...picked].some((id) => sideOf(id) === side));
  const isReal = real?.kind === 'propose' && real.terms.length === picked.size && real.terms.every((id) => picked.has(id));
  const problem: DealChoices['problem'] = match ? null : emptySide ? { kind: 'empty', side: emptySide } : isReal ? { kind: 'real' } : { kind: 'notAllowed' };
  return { terms, match, problem };
}

/** The smallest allowed deal (fewest terms, then the content's order): where the picker starts. */
export function firstProposal(proposals: readonly Proposal[]): Proposal | undefined {
  return [...proposals].sort((a, b) => a.terms.length - b.terms.length)[0];
}

/** The terms to tick, as `dealChoices` found them for the terms picked (the panel asks once and runs its match). */
export function DealPicker({ choices: { terms, problem }, picked, side, onChange }: { choices: DealChoices; picked: ReadonlySet<string>; side: Side; onChange: (picked: ReadonlySet<string>) => void }) {
  const toggle = (id: string) => {
    const next = new Set(picked);
    if (!next.delete(id)) next.add(id);
    onChange(next);
  };
  return (
    <div className="whatif-deal">
      <p className="muted">{t('whatIf.deal.intro', { side: sideName(side) })}</p>
      <div className="term-columns">
        {SIDES.map((giver) => (
          <fieldset key={giver} className={`term-list term-list-${giver}`}>
            <legend>{t('deal.gives', { side: sideName(giver) })}</legend>
            {terms[giver].map(({ id, picked: isPicked, open }) => (
              <div key={id} className={open ? 'term-option' : 'term-option refused'}>
                <label>
                  <input type="checkbox" checked={isPicked} disabled={!open} onChange={() => toggle(id)} />
                  <span className="term-title">{contentField('term', id, 'title')}</span>
                </label>
              </div>
            ))}
          </fieldset>
        ))}
      </div>
      {terms.us.some((c) => !c.open) || terms.cn.some((c) => !c.open) ? <p className="muted">{t('whatIf.deal.greyed')}</p> : null}
      <p role="status" className={problem ? 'refusal' : 'whatif-deal-ok'}>
        {problem?.kind === 'empty' && t('whatIf.deal.empty', { side: sideName(problem.side) })}
        {problem?.kind === 'real' && t('whatIf.deal.real', { side: sideName(side) })}
        {problem?.kind === 'notAllowed' && t('whatIf.deal.notAllowed')}
        {!problem && t('whatIf.deal.ok')}
      </p>
    </div>
  );
}
