/**
 * Moves made while the connection is down (issue 13). socket.io keeps whatever is emitted
 * while its connection is down and sends it on reconnecting, before boardgame.io's client has
 * synced its seat on the new connection; the server refuses such a move (`sentOffline`), and a
 * move made minutes ago on an out-of-date board is not what the player means now anyway. So
 * a move never waits in socket.io's buffer: it is sent while connected, or not at all, and the
 * page says so ("Not sent: you were offline"). The sync on reconnecting brings back the
 * server's state, which drops any move boardgame.io's client had already shown.
 */
import { SocketIO } from 'boardgame.io/multiplayer';

type SocketIOFactory = ReturnType<typeof SocketIO>;

export interface OfflineSafeOptions {
  server: string;
  /**
   * The match, sent in the socket's handshake (`?matchID=…` on every socket.io request), so that a
   * load balancer in front of several instances can keep a match's sockets together (docs/deploy.md).
   */
  matchID: string;
  /** Told whenever a move is not sent because the connection is down. */
  onUnsent: () => void;
}

/** Whether a packet in socket.io's send buffer is a move (boardgame.io's client sends moves as `update`). */
const isMove = (packet: { data?: unknown }): boolean => Array.isArray(packet.data) && packet.data[0] === 'update';

/**
 * boardgame.io's socket transport whose moves never wait in socket.io's buffer: a move made
 * while disconnected is not sent, and one that socket.io buffered in the moment before it
 * noticed the drop (its ping had run out while the socket still counted as connected) is taken
 * out of the buffer when it does. Either way `onUnsent` is told.
 */
export function offlineSafeSocketIO({ server, matchID, onUnsent }: OfflineSafeOptions): SocketIOFactory {
  const make = SocketIO({ server, socketOpts: { query: { matchID } } });
  return (options) => {
    const transport = make(options);
    const sendAction = transport.sendAction.bind(transport);
    transport.sendAction = (state, action) => {
      // The transport has no socket once stopped (boardgame.io sets it to null despite its type).
      const live = transport.socket as typeof transport.socket | null;
      if (live?.connected) sendAction(state, action);
      else onUnsent();
    };
    const connect = transport.connect.bind(transport);
    transport.connect = () => {
      connect();
      const live = transport.socket;
      live.on('disconnect', () => {
        const kept = live.sendBuffer.filter((packet) => !isMove(packet));
        if (kept.length === live.sendBuffer.length) return;
        live.sendBuffer = kept;
        onUnsent();
      });
    };
    return transport;
  };
}
