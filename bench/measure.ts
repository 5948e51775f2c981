// Timing helpers: run a function a number of times after a warm-up and report the median.

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function measure(fn: () => unknown, { warmup, runs }: { warmup: number; runs: number }): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const median = times.length % 2 ? times[mid] : (times[mid - 1] + times[mid]) / 2;
  return { median, min: times[0], max: times[times.length - 1], runs };
}

/**
 * Runs the cases round-robin, so that load from other processes on a shared machine falls on all of them
 * alike, and reports each one's median.
 */
export function measureInterleaved(cases: (() => unknown)[], { warmup, runs }: { warmup: number; runs: number }): Timing[] {
  for (let i = 0; i < warmup; i++) for (const run of cases) run();
  const times = cases.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    cases.forEach((run, c) => {
      const start = performance.now();
      run();
      times[c].push(performance.now() - start);
    });
  }
  return times.map((t) => {
    t.sort((a, b) => a - b);
    const mid = Math.floor(t.length / 2);
    return { median: t.length % 2 ? t[mid] : (t[mid - 1] + t[mid]) / 2, min: t[0], max: t[t.length - 1], runs };
  });
}
