// Fairness between organizations on the shared compute pool: each organization has at most
// `inFlight` jobs in the pool and up to `waiting` more waiting their turn, in order; past that it
// is refused. One organization's big stack can then hold at most `inFlight` workers, and the
// others' jobs find a free one.

export class OrgBusyError extends Error {}

interface OrgLine {
  running: number;
  waiting: Array<() => void>;
}

export class OrgGate {
  private readonly lines = new Map<string, OrgLine>();

  constructor(private readonly limits: { inFlight: number; waiting: number }) {}

  /**
   * Waits for the organization's turn; the returned function gives it back (call it exactly once).
   * A `patient` job is never refused for the line's length: for callers bounded on their own.
   */
  async enter(organizationId: string, { patient = false }: { patient?: boolean } = {}): Promise<() => void> {
    const line = this.lines.get(organizationId) ?? { running: 0, waiting: [] };
    this.lines.set(organizationId, line);
    if (line.running >= this.limits.inFlight) {
      if (!patient && line.waiting.length >= this.limits.waiting) {
        throw new OrgBusyError(`${line.running + line.waiting.length} stack checks of this organization are already running or waiting`);
      }
      // leave() hands its slot straight to the first waiter, so no later arrival can overtake it.
      await new Promise<void>((resolve) => line.waiting.push(resolve));
    } else {
      line.running++;
    }
    return () => this.leave(organizationId, line);
  }

  private leave(organizationId: string, line: OrgLine): void {
    const next = line.waiting.shift();
    if (next) return next();
    line.running--;
    if (line.running === 0) this.lines.delete(organizationId);
  }
}
