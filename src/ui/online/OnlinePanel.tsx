import { useEffect, useId, useState } from 'react';
import type { SetupData, Side } from '../../game';
import { contentField, sideName } from '../bridge';
import { t } from '../i18n';
import { createMatch, joinMatch, listOpenMatches, lobbyError, type MatchInfo } from './lobbyApi';
import { holdSeat, savedName, saveName } from './seats';

/** Create an online match, join one by its code, or pick an open one (start screen). */
export default function OnlinePanel({ setup, onGoTo }: { setup: SetupData; onGoTo: (code: string, watch: boolean) => void }) {
  const [name, setName] = useState(savedName);
  const [side, setSide] = useState<Side>('us');
  const [listed, setListed] = useState(true);
  const [code, setCode] = useState('');
  const [open, setOpen] = useState<MatchInfo[]>([]);
  const [error, setError] = useState<string | null>(null);
  const ids = { name: useId(), code: useId() };
  useEffect(() => {
    listOpenMatches().then(setOpen, () => setOpen([]));
  }, []);

  const create = async () => {
    try {
      const matchID = await createMatch(setup, !listed);
      const playerID = side === 'us' ? '0' : '1';
      const { playerCredentials } = await joinMatch(matchID, playerID, name.trim());
      holdSeat(matchID, { playerID, credentials: playerCredentials, name: name.trim() });
      saveName(name.trim());
      onGoTo(matchID, false);
    } catch (e) {
      setError(lobbyError(e));
    }
  };

  return (
    <div className="online-panel">
      {error && <p role="alert" className="banner bad">{error}</p>}
      <fieldset>
        <legend>{t('online.create')}</legend>
        <p>
          <label htmlFor={ids.name}>{t('online.yourName')}</label>{' '}
          <input id={ids.name} value={name} maxLength={24} autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
        </p>
        <div className="lengths" role="radiogroup" aria-label={t('online.side')}>
          {(['us', 'cn'] as const).map((s) => (
            <label key={s} className="choice">
              <input type="radio" name="side" checked={side === s} onChange={() => setSide(s)} /> {t('online.playAs', { side: sideName(s) })}
            </label>
          ))}
        </div>
        <label className="choice">
          <input type="checkbox" checked={listed} onChange={(e) => setListed(e.target.checked)} /> {t('online.public')}
        </label>
        <button type="button" className="primary" disabled={name.trim() === ''} onClick={() => void create()}>
          {t('online.createButton')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('online.joinCode')}</legend>
        <label htmlFor={ids.code}>{t('online.code')}</label>{' '}
        <input id={ids.code} value={code} maxLength={7} autoCapitalize="characters" onChange={(e) => setCode(e.target.value.toUpperCase().replace(/[^A-Z2-9]/g, ''))} />{' '}
        <button type="button" className="secondary" disabled={code.length !== 7} onClick={() => onGoTo(code, false)}>
          {t('online.go')}
        </button>
      </fieldset>
      <fieldset>
        <legend>{t('online.openMatches')}</legend>
        {open.length === 0 && <p className="muted">{t('online.noneOpen')}</p>}
        <ul className="open-matches">
          {open.map((m) => {
            const setupData = m.setupData as SetupData | undefined;
            return (
              <li key={m.matchID}>
                <strong>{m.matchID}</strong> {setupData ? contentField('scenario', setupData.scenario, 'title') : ''}{' '}
                {m.players.filter((p) => p.name).map((p) => p.name).join(', ')}{' '}
                <button type="button" className="secondary" onClick={() => onGoTo(m.matchID, false)}>
                  {t('online.join')}
                </button>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
