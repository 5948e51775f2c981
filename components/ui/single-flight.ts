/** Where a single-flight call keeps its running promise (a React ref in a hook). */
export type FlightSlot<R> = { current: Promise<R> | null };

/**
 * Starts `run` unless a call through the same slot is still running; that call's promise is
 * returned instead, so a double-click waits for the first result rather than acting twice.
 * `disabled={isPending}` alone is not enough: TanStack Query notifies observers on a later tick,
 * so the second click lands before the button re-renders disabled.
 */
export function singleFlight<R>(slot: FlightSlot<R>, run: () => Promise<R>): Promise<R> {
  slot.current ??= run().finally(() => {
    slot.current = null;
  });
  return slot.current;
}
