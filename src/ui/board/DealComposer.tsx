import type { DealDesk, Play, Side } from '../../game';
import { contentField, refusalText, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { useMatchUi } from '../store/context';
import { PlayButton } from './PlayButton';
import { PreviewLine } from './PreviewLine';

function TermList({ deal, side }: { deal: DealDesk; side: Side }) {
  const toggle = useMatchUi((s) => s.toggleTerm);
  return (
    <fieldset className={`term-list term-list-${side}`}>
      <legend>{t('deal.gives', { side: sideName(side) })}</legend>
      {deal.terms[side].map(({ def, chosen, problem }) => {
        const reasonId = `term-${def.id}-reason`;
        return (
          <div key={def.id} className={problem ? 'term-option refused' : 'term-option'}>
            <label>
              <input
                type="checkbox"
                checked={chosen}
                disabled={problem !== null}
                aria-describedby={problem ? reasonId : `term-${def.id}-text`}
                onChange={() => toggle(def.id)}
              />
              <span className="term-title">{contentField('term', def.id, 'title')}</span>
            </label>
            <p className="term-text" id={`term-${def.id}-text`}>
              {contentField('term', def.id, 'text')}
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
export function DealComposer({ deal, seat, send }: { deal: DealDesk; seat: Side; send: (play: Play) => void }) {
  const clear = useMatchUi((s) => s.clearComposer);
  const ready = deal.chosen.length > 0;
  return (
    <div className="deal-composer">
      <p className="muted">{t('deal.intro', { cost: deal.cost })}</p>
      <p className="deal-limit">
        <Icon name="warning" /> {t('deal.tariffLimit')}
      </p>
      <div className="term-columns">
        <TermList deal={deal} side="us" />
        <TermList deal={deal} side="cn" />
      </div>
      {deal.hawks && (
        <div className="deal-projection">
          <h3>{t('deal.ifSigned')}</h3>
          <PreviewLine preview={deal.propose.preview} side={seat} />
          <p className="muted">{t('deal.hawks', { us: signed(deal.hawks.us), cn: signed(deal.hawks.cn) })}</p>
        </div>
      )}
      <div className="composer-buttons">
        <PlayButton
          id="propose"
          refusal={deal.propose.refusal}
          onPlay={() => {
            send(deal.propose.play);
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
