/** Median and 95th percentile of repeated runs, ms, and the last run's value. */
export interface Timing<T> {
  median: number;
  p95: number;
  last: T;
}

/**
 * Times `run` `runs` times after `warmup` untimed runs (for the JIT), one after another on this thread.
 * @example const { median } = timeRuns(() => processNmr({ fid }), { warmup: 10, runs: 50 });
 */
export function timeRuns<T>(run: () => T, options: { warmup: number; runs: number }): Timing<T> {
  let last = run();
  for (let i = 1; i < options.warmup; i++) last = run();
  const times: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t0 = performance.now();
    last = run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return {
    median: times[options.runs >> 1]!,
    p95: times[Math.min(options.runs - 1, Math.floor(options.runs * 0.95))]!,
    last,
  };
}
