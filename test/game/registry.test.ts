/**
 * The move registry (src/game/registry.ts) and every consumer that derives from it: the Game's
 * moves map, the bots' and the board's sends (`toMove`/`toPlay`), the server's check of a
 * socket's MAKE_MOVE, the chronicle's wording, and who made an entry. A new registry entry that
 * one of them misses fails here.
 */
import { describe, expect, it } from 'vitest';
import { DeRisk, enumerate, legalPlays, moverOf, MOVE_NAMES, MOVES, reasonProblem, toMove, toPlay, type ChronicleEntry, type Play } from '../../src/game';
import { moveAction } from '../../src/server/guards';
import { CHRONICLE_TITLES, entryTitle } from '../../src/ui/chronicleText';
import { calmMatch, play, playerToAct, WASHINGTON, BEIJING } from '../helpers/match';

type LongFormMove = { move: unknown; client?: boolean; redact?: boolean };

const KINDS = Object.keys(MOVES) as Play['kind'][];
const phase = DeRisk.phases?.round;
const turnMoves = (phase?.moves ?? {}) as Record<string, LongFormMove>;
const respondMoves = (phase?.turn?.stages?.respond?.moves ?? {}) as Record<string, LongFormMove>;

/** One play of each kind, as the board or a bot would make it. */
const SAMPLES: Record<Play['kind'], Play> = {
  action: { kind: 'action', id: 'raiseTariffs' },
  card: { kind: 'card', id: 'huaweiCutoff' },
  recycle: { kind: 'recycle', id: 'huaweiCutoff' },
  propose: { kind: 'propose', terms: ['usCutTariffs', 'cnBuyFarm'] },
  accept: { kind: 'accept' },
  reject: { kind: 'reject' },
  pass: { kind: 'pass' },
};

const wire = (move: string, args: unknown[]) => moveAction.safeParse({ type: 'MAKE_MOVE', payload: { type: move, args, playerID: '0', credentials: 'x' } }).success;

/** A short game that makes a move of every kind, so each writes its chronicle entry. */
function everyKindOfMove(): readonly ChronicleEntry[] {
  const match = calmMatch({ hands: { cn: ['rareEarthLicensing', 'dataSecurityCrackdown'] } });
  const legal = (side: 'us' | 'cn', kind: Play['kind']) => legalPlays(match.state.G, match.state.ctx, side).filter((p) => p.kind === kind);
  const make = (playerID: string, chosen: Play | undefined, why?: string) => {
    if (!chosen) throw new Error(`No legal play for ${playerID}`);
    const { move, args } = toMove(chosen, why);
    play(match, playerID, move, ...args);
  };
  make(WASHINGTON, SAMPLES.action, 'to show resolve');
  make(BEIJING, legal('cn', 'recycle')[0]);
  const [first, second] = legal('us', 'propose');
  make(WASHINGTON, first);
  make(BEIJING, SAMPLES.reject);
  make(BEIJING, legal('cn', 'card')[0]);
  make(WASHINGTON, second);
  make(BEIJING, SAMPLES.accept, 'a fair trade');
  make(playerToAct(match.state), SAMPLES.pass);
  return match.state.G.chronicle;
}

describe('the move registry', () => {
  it('R4 every kind of play has one move, each in the Game once, in its stage, server-only and redacted (R12)', () => {
    expect(new Set(MOVE_NAMES).size).toBe(KINDS.length);
    for (const kind of KINDS) {
      const spec = MOVES[kind];
      const table = spec.stage === 'respond' ? respondMoves : turnMoves;
      const other = spec.stage === 'respond' ? turnMoves : respondMoves;
      expect(table[spec.name], spec.name).toMatchObject({ client: false, redact: true });
      expect(typeof table[spec.name]?.move).toBe('function');
      expect(other[spec.name], `${spec.name} only in its own stage`).toBeUndefined();
    }
    expect(Object.keys(turnMoves).length + Object.keys(respondMoves).length).toBe(KINDS.length);
  });

  it('the board’s and the bots’ sends round-trip: toPlay(toMove(play)) is the play, with or without a reason', () => {
    for (const kind of KINDS) {
      const sample = SAMPLES[kind];
      const move = toMove(sample);
      expect(move.move).toBe(MOVES[kind].name);
      expect(toPlay(move.move, move.args)).toEqual(sample);
      const reasoned = toMove(sample, 'because');
      expect(reasoned.args.at(-1)).toBe('because');
      expect(toPlay(reasoned.move, reasoned.args)).toEqual(sample);
      expect(reasonProblem(reasoned.move, reasoned.args)).toBeNull();
    }
  });

  it('S2 the server accepts each move in its registry shape and refuses any other: missing or extra arguments, wrong types, unknown names', () => {
    for (const kind of KINDS) {
      const { move, args } = toMove(SAMPLES[kind], 'a reason');
      expect(wire(move, args), move).toBe(true);
      expect(wire(move, [...args, 'one too many']), `${move} with an extra argument`).toBe(false);
      expect(wire(move, [...args.slice(0, -1), 42]), `${move} with a numeric reason`).toBe(false);
      if (MOVES[kind].args.length > 0) {
        expect(wire(move, []), `${move} without its arguments`).toBe(false);
        expect(wire(move, [{ id: 'x' }]), `${move} with an object`).toBe(false);
      }
    }
    for (const name of ['endTurn', '__proto__', 'constructor', 'act ', 'ACT']) expect(wire(name, []), name).toBe(false);
    for (const name of ['__proto__', 'constructor', 'toString']) expect(toPlay(name, [])).toBeNull();
  });

  it('the engine refuses what the registry refuses (INVALID_MOVE, nothing changes), whoever sends it', () => {
    const match = calmMatch();
    const before = match.state;
    expect(match.move(WASHINGTON, 'act', 'raiseTariffs', 'why', 'extra')).toBe(false);
    expect(match.move(WASHINGTON, 'act', 42)).toBe(false);
    expect(match.move(WASHINGTON, 'proposeDeal', 'usCutTariffs')).toBe(false);
    expect(match.move(WASHINGTON, 'pass', 'x'.repeat(300))).toBe(false);
    expect(match.state).toBe(before);
  });

  it('every registry move has its chronicle wording, and its entry names its mover', () => {
    const entries = everyKindOfMove();
    for (const kind of KINDS) {
      const spec = MOVES[kind];
      expect(CHRONICLE_TITLES[spec.chronicle], spec.chronicle).toBeTypeOf('function');
      const entry = entries.find((e) => e.kind === spec.chronicle);
      expect(entry, `a ${spec.chronicle} entry from ${spec.name}`).toBeDefined();
      if (!entry) continue;
      const title = entryTitle(entry);
      expect(title).not.toMatch(/^log\./);
      expect(title.length).toBeGreaterThan(5);
      expect(moverOf(entry), spec.chronicle).not.toBeNull();
    }
    expect(entries.find((e) => e.kind === 'dealSigned')?.reason).toEqual({ side: 'cn', text: 'a fair trade' });
  });

  it('the bots enumerate registry moves only, each one the engine accepts', () => {
    const match = calmMatch();
    for (const move of enumerate(match.state.G, match.state.ctx)) {
      expect(MOVE_NAMES).toContain(move.move);
      expect(toPlay(move.move, move.args)).not.toBeNull();
      expect(wire(move.move, move.args)).toBe(true);
    }
  });
});
