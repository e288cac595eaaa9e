/**
 * Classroom screens under test: a class's status and results as the server sends them, and a
 * fetch stand-in that answers by method and path (the live feed as an open event stream) and
 * records every request with its headers and body.
 */
import { vi } from 'vitest';
import type { ClassResults } from '../../src/server/classes/results';
import type { ClassStatus, MatchStatus } from '../../src/server/classes/status';

export const CODE = 'K7MX3A';
export const TEACHER_KEY = 'teacher-key-0123456789abcdef';
export const STUDENT_KEY = 'student-key-0123456789abcdef';

const seat = (name: string, connected = true) => ({ name, studentID: name.toLowerCase(), computer: false, connected });

export function matchStatus(overrides: Partial<MatchStatus> = {}): MatchStatus {
  return {
    matchID: 'ABCDEFG',
    version: 12,
    seats: { us: seat('Ada'), cn: seat('Bo') },
    round: 2,
    length: 4,
    toMove: 'us',
    waitingSeconds: 20,
    relationship: 6,
    support: { us: 5, cn: 6 },
    score: { us: 21, cn: 18 },
    deal: null,
    over: null,
    warnings: [],
    ...overrides,
  };
}

export function classStatus(overrides: Partial<ClassStatus> = {}): ClassStatus {
  return {
    code: CODE,
    title: 'Period 3',
    settings: { scenario: '2025', length: 4, timer: 90, onTimeout: 'pass', computer: 'normal', pairing: 'random' },
    phase: 'gathering',
    paused: false,
    finishing: false,
    message: null,
    createdAt: 0,
    expiresAt: 0,
    students: [
      { id: 'ada', name: 'Ada', joinedAt: 0, matchID: null, side: null },
      { id: 'bo', name: 'Bo', joinedAt: 0, matchID: null, side: null },
      { id: 'chen', name: 'Chen', joinedAt: 0, matchID: null, side: null },
    ],
    matches: [],
    ...overrides,
  };
}

/** A class in play: two matches, the second with a seat gone and the relationship near a rupture. */
export function playingStatus(overrides: Partial<ClassStatus> = {}): ClassStatus {
  return classStatus({
    phase: 'playing',
    students: [
      { id: 'ada', name: 'Ada', joinedAt: 0, matchID: 'ABCDEFG', side: 'us' },
      { id: 'bo', name: 'Bo', joinedAt: 0, matchID: 'ABCDEFG', side: 'cn' },
      { id: 'chen', name: 'Chen', joinedAt: 0, matchID: 'HJKMNPQ', side: 'cn' },
      { id: 'dara', name: 'Dara', joinedAt: 0, matchID: 'HJKMNPQ', side: 'us' },
    ],
    matches: [
      matchStatus(),
      matchStatus({
        matchID: 'HJKMNPQ',
        seats: { us: seat('Dara'), cn: seat('Chen', false) },
        toMove: 'cn',
        relationship: 2,
        deal: ['boeingOrder', 'tariffPause'],
        warnings: [
          { kind: 'nearSuddenEnd', track: 'relationship', value: 2 },
          { kind: 'disconnected', side: 'cn' },
        ],
      }),
    ],
    ...overrides,
  });
}

export function classResults(): ClassResults {
  const pair = (matchID: string, us: string, cn: string, end: number) => ({
    matchID,
    names: { us, cn },
    over: true,
    winner: 'us' as const,
    ending: 'score' as const,
    margin: 4,
    tracks: {
      relationship: 5, usSupport: 6, cnSupport: 5, usInflation: 4, cnGrowth: 5, interdependence: end, usTariff: 2, cnTariff: 1,
      exportControls: 2, mineralBans: 1, usMineralDependence: 3, cnChipDependence: 3, usLeverage: 2, cnLeverage: 3,
    },
    interdependence: { start: 12, end },
  });
  const pairs = Array.from({ length: 15 }, (_, i) => pair(`M${String(i).padStart(6, 'A')}`, `US${i}`, `CN${i}`, i < 11 ? 9 : 13));
  return {
    code: CODE,
    title: 'Period 3',
    scenario: '2025',
    length: 4,
    students: [],
    pairs,
    summary: {
      games: 15,
      finished: 15,
      wins: { us: 11, cn: 3 },
      stalemates: 1,
      margin: { us: 4, cn: 2.5 },
      suddenEnds: { collapse: 1, rupture: 0 },
      dealsSigned: 6,
      dealsCollapsed: 2,
      topMoves: { us: [{ id: 'raiseTariffs', count: 30 }], cn: [{ id: 'counterTariffs', count: 25 }] },
      interdependenceFell: 11,
    },
  };
}

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

type Answer = { status?: number; body?: unknown } | ((call: Call) => { status?: number; body?: unknown });

/** One event of the live feed, as the server writes it. */
export const statusEvent = (status: ClassStatus) => `event: status\ndata: ${JSON.stringify(status)}\n\n`;

/**
 * Stubs fetch: `routes` maps "METHOD /path" to an answer (a list is answered in turn, its last
 * repeated); "GET /classes/CODE/live" answers with `live` as an event stream that stays open.
 */
export function stubFetch(routes: Record<string, Answer | Answer[]>, live: string[] = []) {
  const calls: Call[] = [];
  const served = new Map<string, number>();
  const fetchMock = vi.fn(async (input: string, init: RequestInit = {}) => {
    const { pathname } = new URL(input);
    const method = init.method ?? 'GET';
    const call: Call = {
      method,
      path: pathname,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    calls.push(call);
    if (pathname.endsWith('/live')) {
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of live) controller.enqueue(encoder.encode(chunk));
        },
      });
      return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }
    const route = `${method} ${pathname}`;
    const entry = routes[route];
    if (!entry) return new Response(JSON.stringify({ code: 'badRequest', error: `no route ${route}` }), { status: 404 });
    const list = Array.isArray(entry) ? entry : [entry];
    const index = served.get(route) ?? 0;
    served.set(route, index + 1);
    const answer = list[Math.min(index, list.length - 1)] as Answer;
    const { status = 200, body = {} } = typeof answer === 'function' ? answer(call) : answer;
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
