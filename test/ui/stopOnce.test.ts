/** boardgame.io's socket client throws when stopped twice (docs/boardgame-io-traps.md, trap 10); pages stop theirs through stopOnce. */
import { Client } from 'boardgame.io/client';
import { SocketIO } from 'boardgame.io/multiplayer';
import { describe, expect, it } from 'vitest';
import { DeRisk } from '../../src/game';
import { stopOnce } from '../../src/ui/hotseat/client';

/** An online client for a server that is not there: it never connects, and needs none to be stopped. */
const onlineClient = () => Client({ game: DeRisk, multiplayer: SocketIO({ server: 'http://127.0.0.1:9' }), matchID: 'ABCDEFG', playerID: '0', debug: false });

describe('stopping an online client', () => {
  it('trap 10: a second stop() of a socket client throws', () => {
    const client = onlineClient();
    client.start();
    client.stop();
    expect(() => client.stop()).toThrow();
  });

  it('stopOnce stops a client once, however often it is called', () => {
    const client = onlineClient();
    client.start();
    stopOnce(client);
    expect(() => stopOnce(client)).not.toThrow();
  });
});
