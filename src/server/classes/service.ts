/**
 * Classroom mode (issue 12): one teacher runs a whole class. The service owns every change to a
 * class: made, joined, started (students paired into matches), paused, resumed, finished,
 * messaged, a student renamed or removed. Each change runs in the class's place in the match
 * queue (`class:CODE`, which no match id can be), reads the stored record, and writes the whole
 * record back before it answers: one writer per record, as for matches.
 *
 * Handlers return `Answer`s like the lobby's (lobby/context.ts): a refusal has a code the client
 * words and an English message; nothing is changed by a refused request.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { Ctx, State } from 'boardgame.io';
import { safeMove } from '../../bots/safe';
import type { BotConfig, BotDecision, BotLevel, BotMove } from '../../bots/types';
import { PLAYER_OF, actingSide, finishingAfterThisRound, toMove, toPlay, type DeRiskState } from '../../game';
import { fetchMatch } from '../bgio';
import { newCredentials } from '../guards';
import { ok, refuse, type Answer, type Lobby } from '../lobby/context';
import { withComputer } from '../lobby/computer';
import { type MatchData, withSeat } from '../lobby/matchData';
import { storeNewMatch } from '../lobby/matches';
import { log } from '../log';
import { seatOf, type SeatID } from '../seats';
import {
  CLASS_LIFETIME_MS,
  MAX_STUDENTS,
  digestOf,
  keyMatches,
  newClassCode,
  newKey,
  type ClassMatch,
  type ClassRecord,
  type ClassSettings,
  type Student,
} from './record';
import type { ClassStore } from './store';
import { LocalCluster, type Cluster } from '../cluster';

export const NO_CLASS = ['noClass', 'There is no class with that code.'] as const;
export const NOT_TEACHER = ['notTeacher', 'Only the teacher of this class may do that.'] as const;
export const NOT_STUDENT = ['notStudent', 'That key does not belong to a student of this class.'] as const;

/** A class's matches carry its code in their match data, so the server can find the class of a match. */
export type ClassMatchData = MatchData & { classCode?: string };

/** What a change makes of a class: the record to write (none: nothing changes) and the answer. */
interface Change {
  next?: ClassRecord;
  answer: Answer;
}

/** What the service asks of the game server: moves for a seat whose time ran out, a state change, a decision. */
export interface ClassActions {
  serverMove(matchID: string, playerID: '0' | '1', stateID: number, move: BotMove): Promise<boolean>;
  changeState(matchID: string, change: (state: State) => State | null): Promise<boolean>;
  decide(G: DeRiskState, ctx: Ctx, config: BotConfig): Promise<BotDecision>;
}

export interface ClassServiceOptions {
  lobby: Lobby;
  store: ClassStore;
  /** How often decision timers are checked (ms). */
  clockMs?: number;
  /** How long a lone late student waits for another before playing the computer (ms; default 45 s). */
  lateWaitMs?: number;
  /** For random sides and pairs; a test passes its own. */
  random?: (below: number) => number;
  /**
   * Several instances (cluster.ts): a change made here is told to the others, which read the
   * class again; the decision clock runs on one instance at a time. Default: this one alone.
   */
  cluster?: Cluster;
}

/** How often an instance reads every class again, in case word of a change was lost (several instances). */
const RELOAD_MS = 30_000;

/** A seat's occupant when a match is made: a student (with the credentials made for them), or the computer. */
type Occupant = { student: Student; credentials: string } | { computer: BotLevel };

export class ClassService {
  private readonly lobby: Lobby;
  private readonly store: ClassStore;
  private readonly random: (below: number) => number;
  /** Which class each class match belongs to, for the transport's checks (rebuilt at start-up). */
  private readonly classOfMatch = new Map<string, string>();
  /** Paused classes, kept in memory for the per-move check (the record is the truth). */
  private readonly paused = new Set<string>();
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Classes playing with a decision timer (the clock looks at these only). */
  private readonly timed = new Set<string>();
  private actions: ClassActions | null = null;
  private clock: NodeJS.Timeout | null = null;
  private ticking = false;
  private readonly clockMs: number;
  private readonly lateWaitMs: number;
  private readonly cluster: Cluster;
  private reloader: NodeJS.Timeout | null = null;
  /** Playing classes with a late student waiting for a partner. */
  private readonly lateWaiting = new Set<string>();
  /** Playing classes told to finish after this round (a move in one may finish the class). */
  private readonly finishing = new Set<string>();

  constructor(options: ClassServiceOptions) {
    this.lobby = options.lobby;
    this.store = options.store;
    this.random = options.random ?? ((below) => randomInt(below));
    this.clockMs = options.clockMs ?? 1000;
    this.lateWaitMs = options.lateWaitMs ?? 45_000;
    this.cluster = options.cluster ?? new LocalCluster();
    this.cluster.onEvent((event) => {
      if (event.kind !== 'class') return;
      const { code } = event;
      this.refresh(code).catch((error: unknown) => log('error', 'class-refresh-failed', { code, message: (error as Error).message }));
    });
  }

  /** Connects the service to the game server and starts the decision clock. */
  attach(actions: ClassActions): void {
    this.actions = actions;
    this.clock ??= setInterval(() => void this.tick(), this.clockMs);
    this.clock.unref();
    if (this.cluster.shared && !this.reloader) {
      this.reloader = setInterval(() => void this.reload().catch((error: unknown) => log('error', 'class-reload-failed', { message: (error as Error).message })), RELOAD_MS);
      this.reloader.unref();
    }
  }

  stop(): void {
    if (this.clock) clearInterval(this.clock);
    if (this.reloader) clearInterval(this.reloader);
    this.clock = null;
    this.reloader = null;
  }

  /** Another instance changed a class: read it again and tell this instance's control rooms. */
  async refresh(code: string): Promise<void> {
    const record = await this.store.readClass(code);
    if (record) this.remember(record);
    else this.forgetCode(code);
    this.changed(code);
  }

  /** Reads every class again (several instances: word of a change may have been lost on the way). */
  private async reload(): Promise<void> {
    const codes = new Set(await this.store.listClasses());
    for (const code of codes) {
      const record = await this.store.readClass(code);
      if (record) this.remember(record);
    }
    for (const code of new Set(this.classOfMatch.values())) if (!codes.has(code)) this.forgetCode(code);
  }

  /** Forgets a class known only by its code (removed on another instance). */
  private forgetCode(code: string): void {
    for (const [matchID, of] of this.classOfMatch) if (of === code) this.classOfMatch.delete(matchID);
    for (const set of [this.timed, this.lateWaiting, this.paused, this.finishing]) set.delete(code);
  }

  /**
   * The decision clock: in every timed class that is playing and not paused, a person who has
   * had the move for longer than the timer (counted from the last move, or from the resume)
   * has it made for them: a pass (or "no" to a deal), or the computer's choice (R4.7).
   */
  async tick(): Promise<void> {
    if (this.ticking || !this.actions) return;
    this.ticking = true;
    try {
      // Several instances: the clock runs on one at a time (taken over within a few ticks if it dies).
      if (!(await this.cluster.holdRole('class-clock', Math.max(5000, this.clockMs * 5)))) return;
      for (const code of [...this.lateWaiting]) await this.seatLoneLateStudents(code);
      for (const code of [...this.timed]) {
        const record = await this.store.readClass(code);
        if (!record || record.pausedAt !== null || record.settings.timer === 0 || record.phase !== 'playing') continue;
        for (const entry of record.matches) await this.timeOut(record, entry);
      }
    } catch (error) {
      log('error', 'class-clock-failed', { message: (error as Error).message });
    } finally {
      this.ticking = false;
    }
  }

  private async timeOut(record: ClassRecord, entry: ClassMatch): Promise<void> {
    const actions = this.actions;
    if (!actions) return;
    // The match data says how long the seat has waited; the state (far larger) is read only once the time is up.
    const { metadata } = await fetchMatch(this.lobby.db, entry.matchID, { metadata: true });
    if (!metadata || metadata.gameover !== undefined) return;
    const since = Math.max(metadata.updatedAt, record.resumedAt ?? 0);
    if (this.lobby.now() - since < record.settings.timer * 1000) return;
    const { state } = await fetchMatch(this.lobby.db, entry.matchID, { state: true });
    if (!state || state.ctx.gameover !== undefined) return;
    const G = state.G as DeRiskState;
    const side = actingSide(G, state.ctx);
    if (!side) return;
    const playerID = PLAYER_OF[side];
    if (entry.seats[playerID] === null) return; // the computer's own seat
    let move: BotMove = safeMove(G, { kind: 'nothingBetter' });
    if (record.settings.onTimeout === 'computer') {
      const decided = await actions.decide(G, state.ctx, { level: record.settings.computer, persona: 'balanced', seed: state._stateID });
      move = decided.move;
    }
    // The move is the student's, made for them: it carries no reason of the computer's.
    const play = toPlay(move.move, move.args);
    const made = play ? await actions.serverMove(entry.matchID, playerID, state._stateID, toMove(play)) : false;
    if (made) log('info', 'class-timeout', { code: record.code, matchID: entry.matchID, side, move: move.move });
  }

  /** Loads the classes kept before a restart: which match is whose, and which classes are paused. */
  async resume(): Promise<number> {
    await this.store.connect();
    const codes = await this.store.listClasses();
    const now = this.lobby.now();
    for (const code of codes) {
      const record = await this.store.readClass(code);
      if (!record) continue;
      if (record.expiresAt <= now) {
        await this.expire(record);
        continue;
      }
      this.remember(record);
    }
    return codes.length;
  }

  private remember(record: ClassRecord): void {
    for (const m of record.matches) this.classOfMatch.set(m.matchID, record.code);
    if (record.settings.timer > 0 && record.phase === 'playing') this.timed.add(record.code);
    else this.timed.delete(record.code);
    if (record.phase === 'playing' && record.students.some((s) => !s.seat)) this.lateWaiting.add(record.code);
    else this.lateWaiting.delete(record.code);
    if (record.pausedAt !== null) this.paused.add(record.code);
    else this.paused.delete(record.code);
    if (record.phase === 'playing' && record.finishing) this.finishing.add(record.code);
    else this.finishing.delete(record.code);
  }

  private forget(record: ClassRecord): void {
    for (const m of record.matches) this.classOfMatch.delete(m.matchID);
    for (const set of [this.timed, this.lateWaiting, this.paused, this.finishing]) set.delete(record.code);
  }

  private async expire(record: ClassRecord): Promise<void> {
    for (const m of record.matches) await this.lobby.queue.run(m.matchID, () => this.lobby.removeMatch(m.matchID));
    await this.store.removeClass(record.code);
    this.forget(record);
    this.cluster.publish({ kind: 'class', code: record.code });
    log('info', 'class-expired', { code: record.code });
  }

  /** The class a match belongs to, if any. */
  classOf(matchID: string): string | undefined {
    return this.classOfMatch.get(matchID);
  }

  /** Whether moves in this match are held because its class is paused. */
  isPaused(matchID: string): boolean {
    const code = this.classOfMatch.get(matchID);
    return code !== undefined && this.paused.has(code);
  }

  /** How many live feeds follow the class now. */
  followers(code: string): number {
    return this.listeners.get(code)?.size ?? 0;
  }

  /** Calls `listener` after every change to the class (the control room's live feed); returns the unsubscribe. */
  subscribe(code: string, listener: () => void): () => void {
    const set = this.listeners.get(code) ?? new Set();
    set.add(listener);
    this.listeners.set(code, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(code);
    };
  }

  /** Tells the class's listeners that something changed (a class change, or a move in one of its matches). */
  changed(code: string): void {
    for (const listener of [...(this.listeners.get(code) ?? [])]) {
      try {
        listener();
      } catch (error) {
        log('error', 'class-listener-failed', { code, message: (error as Error).message });
      }
    }
  }

  /**
   * A move or a connection change in one of the class's matches: tells the listeners, and once a
   * class told to finish has every game over, marks the class finished.
   */
  async matchChanged(matchID: string): Promise<void> {
    const code = this.classOfMatch.get(matchID);
    if (!code) return;
    this.changed(code);
    // Only a class told to finish can change with a move; the others are not read at all.
    if (!this.finishing.has(code)) return;
    await this.change(code, async (record) => {
      if (record.phase !== 'playing' || !record.finishing) return { answer: ok({}) };
      for (const m of record.matches) {
        const { state } = await fetchMatch(this.lobby.db, m.matchID, { state: true });
        if (state && state.ctx.gameover === undefined) return { answer: ok({}) };
      }
      log('info', 'class-finished', { code });
      return { next: { ...record, phase: 'finished' }, answer: ok({}) };
    });
  }

  /** Runs a change to a class in its queue: read, change, write, then tell the listeners. */
  private change(code: string, work: (record: ClassRecord, now: number) => Change | Promise<Change>): Promise<Answer> {
    return this.lobby.queue.run(`class:${code}`, async () => {
      const record = await this.store.readClass(code);
      if (!record || record.expiresAt <= this.lobby.now()) return refuse(404, ...NO_CLASS);
      const now = this.lobby.now();
      const { next, answer } = await work(record, now);
      if (next) {
        const stamped = { ...next, updatedAt: now };
        await this.store.writeClass(stamped);
        this.remember(stamped);
        this.changed(code);
        this.cluster.publish({ kind: 'class', code });
      }
      return answer;
    });
  }

  /** Reads a class for a teacher's request; the refusal when the key is not the teacher's. */
  async asTeacher(code: string, key: string | undefined): Promise<ClassRecord | Answer> {
    const record = await this.store.readClass(code);
    if (!record || record.expiresAt <= this.lobby.now()) return refuse(404, ...NO_CLASS);
    return keyMatches(key, record.teacherDigest) ? record : refuse(403, ...NOT_TEACHER);
  }

  async create(settings: ClassSettings, title: string): Promise<Answer> {
    const teacherKey = newKey();
    const now = this.lobby.now();
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const code = newClassCode();
      const record: ClassRecord = {
        version: 1,
        code,
        teacherDigest: digestOf(teacherKey),
        title,
        settings,
        createdAt: now,
        updatedAt: now,
        expiresAt: now + CLASS_LIFETIME_MS,
        phase: 'gathering',
        pausedAt: null,
        finishing: false,
        message: null,
        students: [],
        matches: [],
      };
      const made = await this.lobby.queue.run(`class:${code}`, () => this.store.createClass(record));
      if (made) {
        log('info', 'class-created', { code, scenario: settings.scenario, length: settings.length });
        return ok({ code, teacherKey, expiresAt: record.expiresAt });
      }
    }
    throw new Error('No free class code after 8 tries.');
  }

  async join(code: string, name: string): Promise<Answer> {
    return this.change(code, async (record) => {
      if (record.phase === 'finished' || record.finishing) return { answer: refuse(409, 'classFinished', 'This class has finished.') };
      if (record.students.length >= MAX_STUDENTS) return { answer: refuse(409, 'classFull', `A class takes at most ${MAX_STUDENTS} students.`) };
      const taken = new Set(record.students.map((s) => s.name.toLocaleLowerCase()));
      if (taken.has(name.toLocaleLowerCase())) return { answer: refuse(409, 'nameTaken', 'Someone in this class already has that name; add an initial.') };
      const key = newKey();
      const student: Student = { id: randomBytes(6).toString('base64url'), name, keyDigest: digestOf(key), joinedAt: this.lobby.now() };
      let next: ClassRecord = { ...record, students: [...record.students, student] };
      // A late student plays another late student who is waiting, or the computer.
      if (record.phase === 'playing') next = await this.pairLate(next);
      return { next, answer: ok({ studentID: student.id, studentKey: key, name }) };
    });
  }

  /** What a student may know: the class's state, and once paired their own match, seat and credentials. */
  async seat(code: string, key: string | undefined): Promise<Answer> {
    const record = await this.store.readClass(code);
    if (!record || record.expiresAt <= this.lobby.now()) return refuse(404, ...NO_CLASS);
    const student = record.students.find((s) => keyMatches(key, s.keyDigest));
    if (!student) return refuse(403, ...NOT_STUDENT);
    return ok({
      code: record.code,
      title: record.title,
      name: student.name,
      phase: record.phase,
      paused: record.pausedAt !== null,
      finishing: record.finishing,
      message: record.message,
      settings: { scenario: record.settings.scenario, length: record.settings.length, timer: record.settings.timer },
      ...(student.seat ? { seat: { ...student.seat } } : {}),
    });
  }

  async rename(code: string, studentID: string, name: string): Promise<Answer> {
    return this.change(code, async (record) => {
      const student = record.students.find((s) => s.id === studentID);
      if (!student) return { answer: refuse(404, 'noStudent', 'There is no such student in this class.') };
      if (record.students.some((s) => s !== student && s.name.toLocaleLowerCase() === name.toLocaleLowerCase())) {
        return { answer: refuse(409, 'nameTaken', 'Someone in this class already has that name.') };
      }
      if (student.seat) await this.renameSeat(student.seat.matchID, student.seat.playerID, name);
      const students = record.students.map((s) => (s === student ? { ...s, name } : s));
      return { next: { ...record, students }, answer: ok({}) };
    });
  }

  /** A student gives up their place (a wrong name, the wrong class) before being paired: their key stops working. */
  async leave(code: string, key: string | undefined): Promise<Answer> {
    return this.change(code, (record) => {
      const student = record.students.find((s) => keyMatches(key, s.keyDigest));
      if (!student) return { answer: refuse(403, ...NOT_STUDENT) };
      if (student.seat) return { answer: refuse(409, 'alreadyPlaying', 'You are already in a match; your teacher can help.') };
      return { next: { ...record, students: record.students.filter((s) => s !== student) }, answer: ok({}) };
    });
  }

  /** Removes a student who has not been paired yet (a paired one plays on; the teacher can pause). */
  async remove(code: string, studentID: string): Promise<Answer> {
    return this.change(code, (record) => {
      const student = record.students.find((s) => s.id === studentID);
      if (!student) return { answer: refuse(404, 'noStudent', 'There is no such student in this class.') };
      if (student.seat) return { answer: refuse(409, 'alreadyPlaying', 'That student is already in a match.') };
      return { next: { ...record, students: record.students.filter((s) => s !== student) }, answer: ok({}) };
    });
  }

  /** Pairs every student who has joined, creates one match per pair, and seats them. */
  async start(code: string): Promise<Answer> {
    return this.change(code, async (record) => {
      if (record.phase !== 'gathering') return { answer: refuse(409, 'alreadyStarted', 'The games have already started.') };
      if (record.students.length === 0) return { answer: refuse(409, 'noStudents', 'Nobody has joined yet.') };
      const order = record.settings.pairing === 'random' ? this.shuffled(record.students) : [...record.students];
      let next: ClassRecord = { ...record, phase: 'playing' };
      for (let i = 0; i + 1 < order.length; i += 2) next = await this.seatPair(next, order[i] as Student, order[i + 1] as Student);
      const odd = order.length % 2 === 1 ? order.at(-1) : undefined;
      if (odd) next = await this.seatAgainstComputer(next, odd);
      log('info', 'class-started', { code, students: order.length, matches: next.matches.length });
      return { next, answer: ok({ matches: next.matches.length }) };
    });
  }

  async setPaused(code: string, paused: boolean): Promise<Answer> {
    return this.change(code, (record, now) => {
      if (paused === (record.pausedAt !== null)) return { answer: ok({ paused }) };
      const next: ClassRecord = paused ? { ...record, pausedAt: now } : { ...record, pausedAt: null, resumedAt: now };
      return { next, answer: ok({ paused }) };
    });
  }

  /** Every match of the class ends, and is scored, at the end of its current round (R11.3). */
  async finish(code: string): Promise<Answer> {
    return this.change(code, async (record) => {
      if (record.phase !== 'playing') return { answer: refuse(409, 'notPlaying', 'The games have not started.') };
      let changed = 0;
      for (const m of record.matches) {
        const done = await this.actions?.changeState(m.matchID, (state) => {
          const G = finishingAfterThisRound(state.G as DeRiskState);
          return G ? { ...state, G } : null;
        });
        if (done) changed += 1;
      }
      return { next: { ...record, finishing: true }, answer: ok({ finishing: true, matches: changed }) };
    });
  }

  async message(code: string, text: string): Promise<Answer> {
    return this.change(code, (record, now) => ({ next: { ...record, message: text === '' ? null : { text, at: now } }, answer: ok({}) }));
  }

  private shuffled<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i -= 1) {
      const j = this.random(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }

  /**
   * Late joiners: two who wait are paired at once. One alone waits up to `lateWaitMs` for another
   * late student, then plays the computer (`alone`, from the clock).
   */
  private async pairLate(record: ClassRecord, alone = false): Promise<ClassRecord> {
    const waiting = record.students.filter((s) => !s.seat);
    let next = record;
    for (let i = 0; i + 1 < waiting.length; i += 2) next = await this.seatPair(next, waiting[i] as Student, waiting[i + 1] as Student);
    const odd = waiting.length % 2 === 1 ? waiting.at(-1) : undefined;
    if (odd && (alone || this.lobby.now() - odd.joinedAt >= this.lateWaitMs)) next = await this.seatAgainstComputer(next, odd);
    return next;
  }

  /** A late student who has waited long enough for a partner plays the computer. */
  private async seatLoneLateStudents(code: string): Promise<void> {
    await this.change(code, async (record, now) => {
      const waiting = record.students.filter((s) => !s.seat);
      const lone = waiting.length === 1 && waiting[0] !== undefined && now - waiting[0].joinedAt >= this.lateWaitMs;
      if (record.phase !== 'playing' || record.finishing || !lone) return { answer: ok({}) };
      return { next: await this.pairLate(record, true), answer: ok({}) };
    });
  }

  private async seatPair(record: ClassRecord, a: Student, b: Student): Promise<ClassRecord> {
    const [us, cn] = this.random(2) === 0 ? [a, b] : [b, a];
    return this.makeMatch(record, { student: us, credentials: newCredentials() }, { student: cn, credentials: newCredentials() });
  }

  /**
   * The student plays the computer, within the server's cap on computers running at once (a
   * class cannot be used to start computers without limit). When the server is full the student
   * stays unpaired, and the class clock tries again.
   */
  private async seatAgainstComputer(record: ClassRecord, student: Student): Promise<ClassRecord> {
    const hold = `class:${record.code}:${student.id}`;
    if (!(await this.lobby.bots.reserve(hold))) {
      log('warn', 'class-computer-full', { code: record.code });
      return record;
    }
    try {
      const person = { student, credentials: newCredentials() };
      const computer = { computer: record.settings.computer };
      return await (this.random(2) === 0 ? this.makeMatch(record, person, computer) : this.makeMatch(record, computer, person));
    } finally {
      this.lobby.bots.release(hold);
    }
  }

  /** Makes one unlisted match of the class's setup with both seats filled, and records it. */
  private async makeMatch(record: ClassRecord, us: Occupant, cn: Occupant): Promise<ClassRecord> {
    const now = this.lobby.now();
    const occupants: Record<SeatID, Occupant> = { '0': us, '1': cn };
    const made: { computer?: ComputerSeat } = {};
    const prepare = (metadata: MatchData): ClassMatchData => {
      let m: MatchData = metadata;
      for (const seat of ['0', '1'] as const) {
        const o = occupants[seat];
        if ('student' in o) m = withSeat(m, seat, { id: seat === '0' ? 0 : 1, name: o.student.name, credentials: o.credentials }, now);
        else {
          const seated = withComputer(m, seat, { level: o.computer, persona: 'balanced' }, now);
          m = seated.metadata;
          made.computer = { seat, credentials: seated.credentials, level: o.computer };
        }
      }
      return { ...m, classCode: record.code };
    };
    const setup = { scenario: record.settings.scenario, length: record.settings.length };
    const matchID = await storeNewMatch(this.lobby, setup, true, prepare);
    if (typeof matchID !== 'string') throw new Error(`The class's setup was refused: ${matchID.error}`);
    this.classOfMatch.set(matchID, record.code);
    const seated = made.computer;
    if (seated) {
      // Within the cap: the caller holds a place for it (seatAgainstComputer).
      this.lobby.bots.start(matchID, seated.seat, seated.credentials, { level: seated.level, persona: 'balanced' });
    }
    const seatOfStudent = (seat: SeatID) => {
      const o = occupants[seat];
      return 'student' in o ? o.student.id : null;
    };
    const match: ClassMatch = { matchID, seats: { '0': seatOfStudent('0'), '1': seatOfStudent('1') }, createdAt: now };
    const students = record.students.map((s) => {
      for (const seat of ['0', '1'] as const) {
        const o = occupants[seat];
        if ('student' in o && o.student.id === s.id) return { ...s, seat: { matchID, playerID: seat, credentials: o.credentials } };
      }
      return s;
    });
    return { ...record, students, matches: [...record.matches, match] };
  }

  private async renameSeat(matchID: string, seat: SeatID, name: string): Promise<void> {
    await this.lobby.queue.run(matchID, async () => {
      const { metadata } = await fetchMatch(this.lobby.db, matchID, { metadata: true });
      const player = metadata ? seatOf(metadata, seat) : undefined;
      if (!metadata || !player) return;
      await this.lobby.db.setMetadata(matchID, withSeat(metadata, seat, { ...player, name }, this.lobby.now()));
    });
  }
}

interface ComputerSeat {
  seat: SeatID;
  credentials: string;
  level: BotLevel;
}
