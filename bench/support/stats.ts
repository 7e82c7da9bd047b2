/** Small, dependency-free statistics shared by the benchmarks (bench/live, bench/wallboard). */

/** Nearest-rank percentile (p in 0..100) of an unsorted list; NaN when empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank] ?? Number.NaN
}

/** The largest number of timestamps (ms, any order) that fall in one half-open window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b)
  let best = 0
  let lo = 0
  for (let hi = 0; hi < sorted.length; hi++) {
    const t = sorted[hi] ?? 0
    while ((sorted[lo] ?? 0) <= t - windowMs) lo++
    best = Math.max(best, hi - lo + 1)
  }
  return best
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits
  return Math.round(value * f) / f
}

/** Wall-clock milliseconds with sub-millisecond resolution (same origin rule as the page's probe). */
export function wallNow(): number {
  return performance.timeOrigin + performance.now()
}
