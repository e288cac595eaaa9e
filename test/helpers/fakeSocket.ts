/**
 * A socket.io client socket as boardgame.io's socket transport uses it, with a pretend server
 * behind it, for rendering the online screens without a network. It keeps socket.io's rule for
 * emits: while not connected, or connected with its ping run out, they wait in `sendBuffer`;
 * on connecting, the buffer is sent before the 'connect' handlers run (so before boardgame.io's
 * client syncs). A test file hands it to the transport with:
 *
 *   const fake = vi.hoisted((): { socket: unknown } => ({ socket: null }));
 *   vi.mock('boardgame.io/multiplayer', async (original) => (await import('../helpers/fakeSocket')).withSocket(await original(), () => fake.socket));
 */
import type { State } from 'boardgame.io';
import type { SocketIO as RealSocketIO } from 'boardgame.io/multiplayer';
import type { DeRiskState } from '../../src/game';
import type { SeatInfo } from '../../src/ui/online/computerSeat';

type Handler = (...args: unknown[]) => void;
export type Sent = [event: string, ...args: unknown[]];

/** boardgame.io's multiplayer module with every SocketIO transport given `socket()` instead of a real socket. */
export function withSocket<M extends { SocketIO: typeof RealSocketIO }>(real: M, socket: () => unknown): M {
  return {
    ...real,
    SocketIO: (options?: Parameters<typeof RealSocketIO>[0]) => {
      const make = real.SocketIO(options);
      return (transport: Parameters<ReturnType<typeof RealSocketIO>>[0]) => make({ ...transport, socket: socket() });
    },
  };
}

export class FakeSocket {
  connected = false;
  /** socket.io's socket still counts as connected, but its ping has run out: emits are buffered. */
  pingExpired = false;
  sendBuffer: { data: unknown[] }[] = [];
  /** What reached the server, in order. */
  readonly sent: Sent[] = [];
  private readonly handlers = new Map<string, Handler[]>();

  /** `state` and `players` are what the pretend server answers a sync with. */
  constructor(
    public state: State<DeRiskState>,
    public players: SeatInfo[],
  ) {}

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  emit(event: string, ...args: unknown[]): this {
    if (this.connected && !this.pingExpired) this.deliver([event, ...args]);
    else this.sendBuffer.push({ data: [event, ...args] });
    return this;
  }

  /** The server speaks: runs the socket's handlers for `event`. */
  fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) handler(...args);
  }

  /** The connection comes (back): the buffer goes first, then the 'connect' handlers, as in socket.io. */
  connect(): void {
    this.connected = true;
    this.pingExpired = false;
    const buffered = this.sendBuffer;
    this.sendBuffer = [];
    for (const packet of buffered) this.deliver(packet.data as Sent);
    this.fire('connect');
  }

  /** The connection goes. */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  close(): void {
    if (this.connected) this.drop();
  }

  /** The moves that reached the server. */
  moves(): Sent[] {
    return this.sent.filter(([event]) => event === 'update');
  }

  private deliver(message: Sent): void {
    this.sent.push(message);
    const [event, matchID] = message;
    if (event === 'sync') this.fire('sync', matchID, { state: this.state, log: [], filteredMetadata: this.players, initialState: this.state });
  }
}
