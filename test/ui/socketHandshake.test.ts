/**
 * An online match's socket names its match in the handshake (issue 15): every socket.io request
 * carries `?matchID=…`, so a load balancer in front of several instances can route a match's
 * sockets together by it (docs/deploy.md, `hash $arg_matchID consistent`).
 */
import { describe, expect, it } from 'vitest';
import { DeRisk } from '../../src/game';
import { offlineSafeSocketIO } from '../../src/ui/online/offline';

describe('the online socket’s handshake', () => {
  it('carries the match id as a query parameter', () => {
    const make = offlineSafeSocketIO({ server: 'http://127.0.0.1:1', matchID: 'K7MX3AB', onUnsent: () => undefined });
    const transport = make({ game: DeRisk, gameName: DeRisk.name, matchID: 'K7MX3AB', playerID: '0', credentials: 'c', numPlayers: 2, transportDataCallback: () => undefined } as unknown as Parameters<typeof make>[0]);
    // Nothing is connected until the client starts: the options are what io() will be given.
    expect((transport as unknown as { socketOpts: { query: Record<string, string> } }).socketOpts.query).toEqual({ matchID: 'K7MX3AB' });
  });
});
