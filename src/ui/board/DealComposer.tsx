import { CONTENT } from '../../content';
import { dealCost, hawkVerdict, previewPlay, termAvailability, whyRefused, type Side } from '../../game';
import { contentField, refusalText, sideName } from '../bridge';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';
import type { BoardProps } from './types';

function TermList({ G, side, chosen }: { G: BoardProps['G']; side: Side; chosen: string[] }) {
  const toggle = useMatchUi((s) => s.toggleTerm);
  return (
    <fieldset className={`term-list term-list-${side}`}>
      <legend>{t('deal.gives', { side: sideName(side) })}</legend>
      {CONTENT.termsOf[side].map((term) => {
        const checked = chosen.includes(term.id);
        const problem = checked ? null : termAvailability(G, term.id, chosen);
        const reasonId = `term-${term.id}-reason`;
        return (
          <div key={term.id} className={problem ? 'term-option refused' : 'term-option'}>
            <label>
              <input
                type="checkbox"
                checked={checked}
                disabled={problem !== null}
                aria-describedby={problem ? reasonId : `term-${term.id}-text`}
                onChange={() => toggle(term.id)}
              />
              <span className="term-title">{contentField('term', term.id, 'title')}</span>
            </label>
            <p className="term-text" id={`term-${term.id}-text`}>
              {contentField('term', term.id, 'text')}
            </p>
            {problem && (
              <p className="refusal" id={reasonId}>
                {refusalText(problem)}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Pick terms for both sides, see what signing would do, and propose. */
export function DealComposer({ G, ctx, seat, send }: BoardProps & { seat: Side }) {
  const chosen = useMatchUi((s) => s.composer);
  const clear = useMatchUi((s) => s.clearComposer);
  const play = { kind: 'propose', terms: chosen } as const;
  const refusal = whyRefused(G, ctx, seat, play);
  const ready = chosen.length > 0;
  const verdict = ready && !refusal ? hawkVerdict(chosen) : null;
  return (
    <div className="deal-composer">
      <p className="muted">{t('deal.intro', { cost: dealCost(G, seat) })}</p>
      <div className="term-columns">
        <TermList G={G} side="us" chosen={chosen} />
        <TermList G={G} side="cn" chosen={chosen} />
      </div>
      {verdict && (
        <div className="deal-projection">
          <h3>{t('deal.ifSigned')}</h3>
          <PreviewLine preview={previewPlay(G, seat, play)} side={seat} />
          <p className="muted">{t('deal.hawks', { us: signed(verdict.us), cn: signed(verdict.cn) })}</p>
        </div>
      )}
      <div className="composer-buttons">
        <PlayButton
          id="propose"
          refusal={ready ? refusal : { code: 'badTerms', message: t('deal.pickTerms') }}
          onPlay={() => {
            send({ move: 'proposeDeal', args: [[...chosen]] });
            clear();
          }}
        >
          {t('deal.propose')}
        </PlayButton>
        {ready && (
          <button type="button" className="secondary" onClick={clear}>
            {t('deal.clear')}
          </button>
        )}
      </div>
    </div>
  );
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
