/**
 * The arithmetic app_queue (apps/app_queue.c) uses for the figures QueueStatus and QueueSummary
 * print, so the demo's numbers are the ones a real Asterisk would show for the same calls.
 */

/** recalc_holdtime() / update_queue(): the first sample sets the average, then (3·old + new) / 4. */
export function runningAverage(old: number, sample: number, first: boolean): number {
  return first ? sample : ((old << 2) - old + sample) >> 2
}

/**
 * ServicelevelPerf / ServicelevelPerf2 as printed: `100 * ((float) part / (float) whole)` in C
 * floats, formatted `%2.1f` (glibc rounds the exact binary value, ties to even); 0.0 for nothing.
 */
export function serviceLevelText(part: number, whole: number): string {
  if (whole <= 0) return '0.0'
  const x = Math.fround(100 * Math.fround(part / whole))
  const scaled = x * 10
  const lo = Math.floor(scaled)
  const frac = scaled - lo
  const n = frac > 0.5 || (frac === 0.5 && lo % 2 === 1) ? lo + 1 : lo
  return (n / 10).toFixed(1)
}

/** Whole seconds between two moments as app_queue counts them: a difference of time_t values. */
export function wholeSecondsBetween(fromMs: number, toMs: number): number {
  return Math.floor(toMs / 1000) - Math.floor(fromMs / 1000)
}
