import { Client } from 'boardgame.io/client';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { actingSide, DeRisk, type DeRiskState, type Play, type SetupData, type Side } from '../../game';
import { Board } from '../board/Board';
import { t, withMessages } from '../i18n';
import { useClientState } from '../hotseat/useClientState';
import { stopOnce, type DeRiskClient } from '../hotseat/client';
import { ClassBanner } from '../classroom/ClassBanner';
import { useProjectorType } from '../common/projector';
import { useTurnTitle } from '../common/turnTitle';
import { MatchStoreProvider } from '../store/context';
import { computerOf, computerSide, computerSides, seatHolder, type SeatInfo } from './computerSeat';
import { JoinPanel } from './JoinPanel';
import { sendPlay } from '../moves';
import { offlineSafeSocketIO } from './offline';
import { joinRematch, RematchInvitation, useInvitation } from './Rematch';
import { useFreshRefusal } from './refusal';
import { replayFileUrl } from './replayFile';
import { SeatList } from './SeatList';
import { heldSeat, releaseSeat, type HeldSeat } from './seats';
import { tablePlayers } from './table';
import { TurnSoundToggle, useTurnSound, useTurnSoundSetting } from './turnSound';
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

/** The match's client; `onUnsent` is told when a move is not sent because the connection is down (offline.ts). */
function useOnlineClient(code: string, seat: HeldSeat | null, watch: boolean, onUnsent: () => void): DeRiskClient | null {
  const [client, setClient] = useState<DeRiskClient | null>(null);
  useEffect(() => {
    if (!seat && !watch) return undefined;
    const created = Client<DeRiskState>({
      game: DeRisk,
      numPlayers: 2,
      multiplayer: offlineSafeSocketIO({ server: window.location.origin, matchID: code, onUnsent }),
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
  }, [code, seat, watch, onUnsent]);
  return client;
}

const sideOfSeat = (seat: HeldSeat | null): Side | null => (seat?.playerID === '0' ? 'us' : seat?.playerID === '1' ? 'cn' : null);

/**
 * The debrief of an online match, with "Play again" for the same two people in the same seats
 * (Rematch.tsx): the player who presses it goes to their seat in the rematch; the other is
 * invited. A spectator's Play again goes home. Players and spectators alike may download the
 * finished game's replay file from the server (shown only here, once the game is over, R12).
 */
function OnlineDebrief({ client, seat, code, props }: { client: DeRiskClient; seat: HeldSeat | null; code: string; props: OnlineMatchProps }) {
  const state = useClientState(client);
  const players: readonly SeatInfo[] = client.matchData ?? [];
  const mySide = sideOfSeat(seat);
  const opponent = seat ? players.find((p) => String(p.id) !== seat.playerID) : undefined;
  // The computer never asks for a rematch: only a person's debrief is worth watching.
  const invitation = useInvitation(code, seat, opponent !== undefined && !computerOf(opponent));
  const [joining, setJoining] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!state) return null;
  const setup: SetupData = { scenario: state.G.scenario, length: state.G.length };
  const rematch = async () => {
    if (!seat) {
      props.onHome();
      return;
    }
    setJoining(true);
    setError(null);
    const refused = await joinRematch(code, seat, setup, props.onGoTo);
    setJoining(false);
    setError(refused);
  };
  return (
    <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
      {error && <p role="alert" className="banner bad">{error}</p>}
      {invitation && mySide && <RematchInvitation invitation={invitation} mySide={mySide} joining={joining} onJoin={() => void rematch()} />}
      <Debrief G={state.G} ctx={state.ctx} onPlayAgain={() => void rematch()} replayFileUrl={replayFileUrl(code)} computer={computerSides(players)} />
    </Suspense>
  );
}

interface OnlineBoardProps {
  client: DeRiskClient;
  seat: HeldSeat | null;
  watch: boolean;
  code: string;
  props: OnlineMatchProps;
  /** A move was not sent because the connection was down: the page says so until a play is sent. */
  unsent: boolean;
  setUnsent: (unsent: boolean) => void;
}

function OnlineBoard({ client, seat, watch, code, props, unsent, setUnsent }: OnlineBoardProps) {
  const state = useClientState(client);
  const side = sideOfSeat(seat);
  const refusal = useFreshRefusal(client);
  const [sound, setSound] = useTurnSoundSetting();
  const players: readonly SeatInfo[] = client.matchData ?? [];
  const bothJoined = players.length === 2 && players.every((p) => p.name);
  const playing = state !== null && state.ctx.gameover === undefined && side !== null;
  const myMove = playing && actingSide(state.G, state.ctx) === side;
  useTurnTitle(myMove, t('title.match'));
  // The sound marks the turn passing to this seat, once the game is on (both seats taken).
  useTurnSound(playing ? myMove && bothJoined : null, sound);
  if (!state) return <p role="status">{t('online.connecting')}</p>;
  if (state.ctx.gameover !== undefined) return <OnlineDebrief client={client} seat={seat} code={code} props={props} />;
  const opponent = seat ? players.find((p) => String(p.id) !== seat.playerID) : undefined;
  // While the connection is down nothing is sent: socket.io would hold the move and send it
  // after reconnecting, ahead of the sync, where it is refused (offline.ts).
  const send = (play: Play, reason?: string) => {
    if (!client.getState()?.isConnected) {
      setUnsent(true);
      return false;
    }
    setUnsent(false);
    sendPlay(client, play, reason);
    return true;
  };

  return (
    <>
      {!state.isConnected && (
        <p role="status" className="banner">
          {t('online.reconnecting')}
        </p>
      )}
      {unsent && (
        <p role="alert" className="banner bad">
          {t('online.notSent')}
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
        table={{
          room: code,
          players: tablePlayers(players, side, state.isConnected),
          ...(side ? { controls: <TurnSoundToggle on={sound} onChange={setSound} /> } : {}),
        }}
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
  const [unsent, setUnsent] = useState(false);
  const noteUnsent = useCallback(() => setUnsent(true), []);
  const client = useOnlineClient(code, seat, watch, noteUnsent);
  useProjectorType(watch);
  if (!seat && !watch) return <JoinPanel code={code} onJoined={setSeat} onWatch={() => props.onGoTo(code, true)} onHome={props.onHome} />;
  if (!client) return <p role="status">{t('online.connecting')}</p>;
  return (
    <MatchStoreProvider key={code}>
      <OnlineBoard client={client} seat={seat} watch={watch} code={code} props={props} unsent={unsent} setUnsent={setUnsent} />
    </MatchStoreProvider>
  );
}
