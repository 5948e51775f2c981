// Fairness on the shared compute pool, per organization and per person: each has at most `inFlight`
// jobs in the pool and up to `waiting` more waiting their turn, in order; past that it is refused.
// One organization's big stack can then hold at most `inFlight` workers, one person owning many
// organizations no more than that either, and the others' jobs find a free one.

export class BusyError extends Error {}

interface Line {
  running: number;
  waiting: Array<() => void>;
}

export class TurnGate {
  private readonly lines = new Map<string, Line>();

  /** `whose`: said in the refusal, e.g. "of this organization". */
  constructor(
    private readonly limits: { inFlight: number; waiting: number },
    private readonly whose: string,
  ) {}

  /**
   * Waits for the key's turn; the returned function gives it back (call it exactly once).
   * A `patient` job is never refused for the line's length: for callers bounded on their own.
   */
  async enter(key: string, { patient = false }: { patient?: boolean } = {}): Promise<() => void> {
    const line = this.lines.get(key) ?? { running: 0, waiting: [] };
    this.lines.set(key, line);
    if (line.running >= this.limits.inFlight) {
      if (!patient && line.waiting.length >= this.limits.waiting) {
        throw new BusyError(`${line.running + line.waiting.length} stack checks ${this.whose} are already running or waiting`);
      }
      // leave() hands its slot straight to the first waiter, so no later arrival can overtake it.
      await new Promise<void>((resolve) => line.waiting.push(resolve));
    } else {
      line.running++;
    }
    return () => this.leave(key, line);
  }

  private leave(key: string, line: Line): void {
    const next = line.waiting.shift();
    if (next) return next();
    line.running--;
    if (line.running === 0) this.lines.delete(key);
  }
}
