/**
 * Comparable clocks across processes. Every process of a bench (the PBX child, main, the page)
 * reads its wall clock the same way — performance.timeOrigin + performance.now(): the origin is
 * the realtime clock sampled when the process (or page) started, the rest the monotonic clock.
 * Origins are sampled apart, so two processes can disagree by a few milliseconds; the offset is
 * measured instead of assumed: main reads its clock, asks the other side for its own, reads its
 * clock again, and the other side's reading is taken to fall at the midpoint. The tightest of
 * several round trips bounds the error by half its duration.
 */
import { wallNow } from './stats'

/** One round trip: main's clock before asking, the other side's answer, main's clock after. */
export interface ClockSample {
  readonly before: number
  readonly remote: number
  readonly after: number
}

export interface ClockOffset {
  /** The other side's clock minus main's: subtract it from the other side's times. */
  readonly offsetMs: number
  /** Half the tightest round trip: the offset is right to within this. */
  readonly uncertaintyMs: number
  readonly samples: number
}

/** The offset from the tightest round trip (Cristian's method); NaN offset without samples. */
export function offsetFromSamples(samples: readonly ClockSample[]): ClockOffset {
  let best: ClockSample | undefined
  for (const s of samples) if (best === undefined || s.after - s.before < best.after - best.before) best = s
  if (best === undefined) return { offsetMs: Number.NaN, uncertaintyMs: Number.POSITIVE_INFINITY, samples: 0 }
  return { offsetMs: best.remote - (best.before + best.after) / 2, uncertaintyMs: (best.after - best.before) / 2, samples: samples.length }
}

/** Measures the offset of another clock, `read` answering its current reading (n round trips). */
export async function measureOffset(read: () => Promise<number>, n = 10): Promise<ClockOffset> {
  const samples: ClockSample[] = []
  for (let i = 0; i < n; i++) {
    const before = wallNow()
    const remote = await read()
    samples.push({ before, remote, after: wallNow() })
  }
  return offsetFromSamples(samples)
}
