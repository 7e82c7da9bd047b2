import { describe, expect, it } from 'vitest'
import { applyDelay, SCROLLING_APPLY_MS } from '../../../src-renderer/src/stores/live-pacing'

describe('applyDelay: live frames while the calls list scrolls', () => {
  it('applies at once at rest, however recent the last frame', () => {
    expect(applyDelay(false, 1_000, 1_001)).toBe(0)
  })

  it('while scrolling waits out what is left of the interval since the last apply', () => {
    expect(applyDelay(true, 1_000, 1_030)).toBe(SCROLLING_APPLY_MS - 30)
    expect(applyDelay(true, 1_000, 1_000 + SCROLLING_APPLY_MS)).toBe(0)
    expect(applyDelay(true, 1_000, 5_000)).toBe(0)
    expect(applyDelay(true, Number.NEGATIVE_INFINITY, 0)).toBe(0)
  })
})
