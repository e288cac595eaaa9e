import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { lazy, Suspense, useEffect, useState } from 'react';
import { actingSide, DeRisk, type DeRiskState, type Play, type SetupData } from '../../game';
import { Board } from '../board/Board';
import { t, withMessages } from '../i18n';
import { useClientState } from '../hotseat/useClientState';
import { stopOnce, type DeRiskClient } from '../hotseat/client';
import { ClassBanner } from '../classroom/ClassBanner';
import { useProjectorType } from '../common/projector';
import { useTurnTitle } from '../common/turnTitle';
import { MatchStoreProvider } from '../store/context';
import { computerOf, computerSide, computerSides, seatHolder } from './computerSeat';
import { JoinPanel } from './JoinPanel';
import { lobbyError, playAgain } from './lobbyApi';
import { sendPlay } from '../moves';
import { useFreshRefusal } from './refusal';
import { SeatList } from './SeatList';
import { heldSeat, holdSeat, releaseSeat, type HeldSeat } from './seats';
import { WaitingRoom } from './WaitingRoom';

const Debrief = lazy(withMessages(['debrief'], () => import('../debrief/Debrief')));

export interface OnlineMatchProps {
  code: string;
  watch: boolean;
  /** The class whose teacher opened this spectator view from the control room. */
  classCode?: string;
  onOpenRules: () => void;
  onOpenGlossary: () => void;
  onGoTo: (code: string, watch: boolean) => void;
  onHome: () => void;
}

function useOnlineClient(code: string, seat: HeldSeat | null, watch: boolean): DeRiskClient | null {
  const [client, setClient] = useState<DeRiskClient | null>(null);
  useEffect(() => {
    if (!seat && !watch) return undefined;
    const created = Client<DeRiskState>({
      game: DeRisk,
      numPlayers: 2,
      multiplayer: SocketIO({ server: window.location.origin }),
      matchID: code,
      playerID: watch ? undefined : seat?.playerID,
      credentials: watch ? undefined : seat?.credentials,
      debug: false,
    });
    created.start();
    setClient(created);
    return () => {
      stopOnce(created);
      setClient(null);
    };
  }, [code, seat, watch]);
  return client;
}

function OnlineBoard({ client, seat, watch, code, props }: { client: DeRiskClient; seat: HeldSeat | null; watch: boolean; code: string; props: OnlineMatchProps }) {
  const state = useClientState(client);
  const [rematchError, setRematchError] = useState<string | null>(null);
  const side = seat?.playerID === '0' ? 'us' : seat?.playerID === '1' ? 'cn' : null;
  const refusal = useFreshRefusal(client);
  useTurnTitle(state !== null && state.ctx.gameover === undefined && side !== null && actingSide(state.G, state.ctx) === side, t('title.match'));
  if (!state) return <p role="status">{t('online.connecting')}</p>;
  const players = client.matchData ?? [];
  const bothJoined = players.length === 2 && players.every((p) => p.name);
  const opponent = seat ? players.find((p) => String(p.id) !== seat.playerID) : undefined;
  const send = (play: Play, reason?: string) => sendPlay(client, play, reason);

  if (state.ctx.gameover !== undefined) {
    const setup: SetupData = { scenario: state.G.scenario, length: state.G.length };
    const rematch = async () => {
      if (!seat) {
        props.onHome();
        return;
      }
      try {
        const next = await playAgain(code, seat.playerID, seat.credentials, setup);
        holdSeat(next.nextMatchID, { playerID: next.playerID, credentials: next.playerCredentials, name: seat.name });
        props.onGoTo(next.nextMatchID, false);
      } catch (error) {
        setRematchError(lobbyError(error));
      }
    };
    return (
      <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
        {rematchError && <p role="alert" className="banner bad">{rematchError}</p>}
        <Debrief G={state.G} ctx={state.ctx} onPlayAgain={() => void rematch()} computer={computerSides(players)} />
      </Suspense>
    );
  }
  return (
    <>
      {!state.isConnected && (
        <p role="status" className="banner">
          {t('online.reconnecting')}
        </p>
      )}
      {refusal && (
        <p role="alert" className="banner bad">
          {t('online.refused', { message: refusal })}
        </p>
      )}
      <ClassBanner matchID={code} {...(watch && props.classCode ? { watchedIn: props.classCode } : {})} />
      {!watch && !bothJoined && seat && (
        <WaitingRoom
          code={code}
          players={players}
          seat={seat}
          onLeft={() => {
            releaseSeat(code);
            props.onHome();
          }}
        />
      )}
      {!watch && computerOf(opponent) && opponent && <p className="banner">{t('online.computer.opponent', { who: seatHolder(opponent) })}</p>}
      {watch && (
        <div className="banner spectator-banner">
          <p>{t('online.spectating', { code })}</p>
          <SeatList players={players} connection />
        </div>
      )}
      <Board
        G={state.G}
        ctx={state.ctx}
        seat={watch ? null : side}
        send={send}
        inert={!watch && !bothJoined}
        computer={computerSide(players)}
        onOpenRules={props.onOpenRules}
        onOpenGlossary={props.onOpenGlossary}
      />
    </>
  );
}

/** An online match: join a seat, wait for the other player, play, and rejoin after a refresh. */
export default function OnlineMatch(props: OnlineMatchProps) {
  const { code, watch } = props;
  const [seat, setSeat] = useState<HeldSeat | null>(() => (watch ? null : heldSeat(code)));
  const client = useOnlineClient(code, seat, watch);
  useProjectorType(watch);
  if (!seat && !watch) return <JoinPanel code={code} onJoined={setSeat} onWatch={() => props.onGoTo(code, true)} onHome={props.onHome} />;
  if (!client) return <p role="status">{t('online.connecting')}</p>;
  return (
    <MatchStoreProvider key={code}>
      <OnlineBoard client={client} seat={seat} watch={watch} code={code} props={props} />
    </MatchStoreProvider>
  );
}
