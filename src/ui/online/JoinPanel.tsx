import { useEffect, useId, useState } from 'react';
import { sideName } from '../bridge';
import { t } from '../i18n';
import { scenarioChoices } from '../start/setupChoices';
import { getMatch, joinMatch, lobbyError, type MatchInfo } from './lobbyApi';
import { SeatList } from './SeatList';
import { holdSeat, savedName, saveName, type HeldSeat } from './seats';

/** Join a match by its code: pick a free side and a display name, or watch. */
export function JoinPanel({ code, onJoined, onWatch, onHome }: { code: string; onJoined: (seat: HeldSeat) => void; onWatch: () => void; onHome: () => void }) {
  const [match, setMatch] = useState<MatchInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState(savedName);
  const nameId = useId();
  useEffect(() => {
    getMatch(code).then(setMatch, (e: unknown) => setError(lobbyError(e)));
  }, [code]);

  const join = async (playerID: '0' | '1') => {
    try {
      const { playerCredentials } = await joinMatch(code, playerID, name.trim());
      const seat = { playerID, credentials: playerCredentials, name: name.trim() };
      holdSeat(code, seat);
      saveName(name.trim());
      onJoined(seat);
    } catch (e) {
      setError(lobbyError(e));
    }
  };

  // What game this is, so a player knows before joining (the lobby keeps the setup with the match).
  const setup = match?.setupData as { scenario?: unknown; length?: unknown } | undefined;
  const scenario = scenarioChoices().find((s) => s.id === setup?.scenario)?.title;
  const length = typeof setup?.length === 'number' ? setup.length : null;
  const free = match?.players.filter((p) => !p.name).map((p) => (String(p.id) === '0' ? '0' : '1')) ?? [];
  return (
    <main className="page">
      <h1>{t('online.joinTitle', { code })}</h1>
      {error && <p role="alert" className="banner bad">{error}</p>}
      {!match && !error && <p role="status">{t('common.loading')}</p>}
      {match && (
        <>
          {scenario && length !== null && <p className="join-setup">{t('online.joinSetup', { scenario, count: length })}</p>}
          <SeatList players={match.players} />
          {free.length > 0 ? (
            <form className="join-form" onSubmit={(e) => e.preventDefault()}>
              <label htmlFor={nameId}>{t('online.yourName')}</label>
              <input id={nameId} value={name} maxLength={24} autoComplete="nickname" onChange={(e) => setName(e.target.value)} />
              <div className="modal-buttons">
                {free.map((playerID) => (
                  <button key={playerID} type="submit" className="primary" disabled={name.trim() === ''} onClick={() => void join(playerID)}>
                    {t('online.joinAs', { side: sideName(playerID === '0' ? 'us' : 'cn') })}
                  </button>
                ))}
              </div>
            </form>
          ) : (
            <p>{t('online.full')}</p>
          )}
        </>
      )}
      <p className="modal-buttons">
        <button type="button" className="secondary" onClick={onWatch}>
          {t('online.watch')}
        </button>
        <button type="button" className="link-button" onClick={onHome}>
          {t('nav.backToStart')}
        </button>
      </p>
    </main>
  );
}
