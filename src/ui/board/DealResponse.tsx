import { useEffect, useRef } from 'react';
import { CONTENT } from '../../content';
import { hawkVerdict, previewDeal, whyRefused, type Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { PreviewLine } from './PreviewLine';
import type { BoardProps } from './types';

/** The responder's answer to a proposed deal: the terms, what signing would do, accept or reject. */
export function DealResponse({ G, ctx, seat, send }: BoardProps & { seat: Side }) {
  const proposal = G.proposal;
  const accept = useRef<HTMLButtonElement>(null);
  useEffect(() => accept.current?.focus(), []);
  if (!proposal || whyRefused(G, ctx, seat, { kind: 'accept' })) return null;
  const verdict = hawkVerdict(proposal.terms);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="answer-title" aria-describedby="answer-intro">
        <h2 id="answer-title">
          <Icon name="deal" /> {t('answer.title', { side: sideName(proposal.by) })}
        </h2>
        <p id="answer-intro">{t('answer.intro')}</p>
        <div className="term-columns">
          {(['us', 'cn'] as const).map((side) => (
            <div key={side}>
              <h3>{t('deal.gives', { side: sideName(side) })}</h3>
              <ul>
                {proposal.terms
                  .filter((id) => CONTENT.dealTerms.get(id)?.side === side)
                  .map((id) => (
                    <li key={id}>
                      <strong>{contentField('term', id, 'title')}.</strong> {contentField('term', id, 'text')}
                    </li>
                  ))}
              </ul>
            </div>
          ))}
        </div>
        <h3>{t('deal.ifSigned')}</h3>
        <PreviewLine preview={previewDeal(G, proposal.terms, proposal.by)} side={seat} />
        <p className="muted">{t('answer.hawks', { change: verdict[seat] > 0 ? `+${verdict[seat]}` : String(verdict[seat]) })}</p>
        <div className="modal-buttons">
          <button ref={accept} type="button" className="primary" onClick={() => send({ move: 'acceptDeal', args: [] })}>
            <Icon name="check" /> {t('answer.accept')}
          </button>
          <button type="button" className="secondary" onClick={() => send({ move: 'rejectDeal', args: [] })}>
            <Icon name="close" /> {t('answer.reject')}
          </button>
        </div>
      </div>
    </div>
  );
}
