/**
 * One writer per match. Every change to a match (lobby joins, leaves, renames, rematches, the
 * computer taking a seat, moves, connection status, clean-up) reads the stored record and
 * writes it back whole; two such read-then-write steps at once on the same match would lose
 * one of them (boardgame.io's lobby and socket transport did exactly that on PostgreSQL). So
 * they all run through one queue: for each match, one step at a time, in arrival order.
 *
 * With several instances (issue 15) each step also holds the cluster's lock on its key
 * (`Cluster.exclusive`, in Redis), so that a join on one instance and a move on another do not
 * interleave either; one instance alone needs only its own queue.
 *
 * The queue holds an entry only while a match has work waiting or running: the entry goes as
 * soon as the last step settles, so ids that are asked about once (an unknown match, say)
 * leave nothing behind.
 */
/** Runs a step while no other instance runs one under the same key. */
export type Exclusive = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export class MatchQueue {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly exclusive: Exclusive = (_key, work) => work()) {}

  /** Runs `work` after every step queued before it for this match; resolves or rejects as it does. */
  run<T>(matchID: string, work: () => Promise<T>): Promise<T> {
    const before = this.tails.get(matchID) ?? Promise.resolve();
    const result = before.then(() => this.exclusive(matchID, work));
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(matchID, tail);
    void tail.then(() => {
      if (this.tails.get(matchID) === tail) this.tails.delete(matchID);
    });
    return result;
  }

  /** Matches with work waiting or running (for tests and the benchmark: it must fall back to 0). */
  get size(): number {
    return this.tails.size;
  }

  /** Resolves once every step queued so far has settled (server shutdown). */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all([...this.tails.values()]);
  }
}
