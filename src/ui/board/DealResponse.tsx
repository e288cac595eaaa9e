import { useEffect, useRef, type ReactNode } from 'react';
import type { DealAnswer, Play, Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { Icon } from '../common/Icon';
import { t } from '../i18n';
import { PreviewLine } from './PreviewLine';

/** The responder's answer to a proposed deal: the terms, what signing would do, the optional "Why?" (`why`), accept or reject. */
export function DealResponse({ answer, seat, send, why }: { answer: DealAnswer; seat: Side; send: (play: Play) => void; why: ReactNode }) {
  const accept = useRef<HTMLButtonElement>(null);
  useEffect(() => accept.current?.focus(), []);
  const change = answer.hawks[seat];
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="answer-title" aria-describedby="answer-intro">
        <h2 id="answer-title">
          <Icon name="deal" /> {t('answer.title', { side: sideName(answer.by) })}
        </h2>
        <p id="answer-intro">{t('answer.intro')}</p>
        <div className="term-columns">
          {(['us', 'cn'] as const).map((side) => (
            <div key={side}>
              <h3>{t('deal.gives', { side: sideName(side) })}</h3>
              <ul>
                {answer.terms[side].map((def) => (
                  <li key={def.id}>
                    <strong>{contentField('term', def.id, 'title')}.</strong> {contentField('term', def.id, 'text')}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
        <h3>{t('deal.ifSigned')}</h3>
        <PreviewLine preview={answer.preview} side={seat} />
        <p className="muted">{t('answer.hawks', { change: change > 0 ? `+${change}` : String(change) })}</p>
        <p className="deal-limit">
          <Icon name="warning" /> {t('deal.tariffLimit')}
        </p>
        {why}
        <div className="modal-buttons">
          <button ref={accept} type="button" className="primary" onClick={() => send(answer.accept.play)}>
            <Icon name="check" /> {t('answer.accept')}
          </button>
          <button type="button" className="secondary" onClick={() => send(answer.reject.play)}>
            <Icon name="close" /> {t('answer.reject')}
          </button>
        </div>
      </div>
    </div>
  );
}
