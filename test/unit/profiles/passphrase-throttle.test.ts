import { describe, expect, it } from 'vitest'
import { ProfileError } from '../../../src-main/core/profiles'
import { PassphraseThrottle } from '../../../src-main/core/profiles/passphrase-throttle'

function refusal(throttle: PassphraseThrottle): ProfileError | undefined {
  try {
    throttle.assertMayTry('admin passphrase')
    return undefined
  } catch (err) {
    return err as ProfileError
  }
}

describe('PassphraseThrottle', () => {
  it('waits 1, 2, 4, 8 s after consecutive failures, says so, and resets on success', () => {
    let now = 0
    const throttle = new PassphraseThrottle({ now: () => now })
    expect(refusal(throttle)).toBeUndefined()
    for (const wait of [1, 2, 4, 8]) {
      throttle.failed()
      const err = refusal(throttle)
      expect(err?.code).toBe('passphrase_throttled')
      expect(err?.message).toBe(`too many wrong admin passphrase attempts; try again in ${String(wait)} s`)
      expect(err?.retryAfterMs).toBe(wait * 1000)
      now += wait * 1000 - 1
      expect(refusal(throttle)).toBeDefined()
      now += 1
      expect(refusal(throttle)).toBeUndefined()
    }
    throttle.succeeded()
    throttle.failed()
    expect(refusal(throttle)?.retryAfterMs).toBe(1000)
  })

  it('caps the wait and words long waits in minutes', () => {
    let now = 0
    const throttle = new PassphraseThrottle({ now: () => now, maxDelayMs: 300_000 })
    for (let i = 0; i < 40; i++) {
      throttle.failed()
      now += throttle.waitMs()
    }
    throttle.failed()
    expect(throttle.waitMs()).toBe(300_000)
    expect(refusal(throttle)?.message).toMatch(/try again in 5 min$/)
  })
})
