// The PBX's own clock against the profile's Time zone (issue 18 item 7), through the contract as a
// window asks it: the real dispatcher and core on the demo PBX, which answers Getvar of STRFTIME as
// Asterisk's func_strftime does for a read without a channel (the demo runs on UTC).
import { describe, expect, it } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import { CLOCK_FUNCTION, compareClock, parseClock } from '../../../src-main/core/pbx-clock/compare'
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings as clockStrings } from '../../../src-preload/i18n/strings/pbx-clock'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore } from '../../support/demo-core'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-2', transport: 'web' }
const english = inEnglish(clockStrings)

describe('pbxClock.read', () => {
  it('a PBX on the profile’s zone and clock: no warning', async () => {
    const { core } = await startDemoCore({ seed: 3 }, cleanups)
    const r = await core.dispatch('pbxClock.read', { profileId: 'demo' }, tab)
    expect(r).toMatchObject({ ok: true, value: { pbxOffsetMinutes: 0, pbxZone: 'UTC', profileOffsetMinutes: 0 } })
    if (!r.ok) return
    expect(Math.abs(r.value.skewSeconds)).toBeLessThanOrEqual(2)
    expect(r.value.warning).toBeUndefined()
  })

  it('a profile that says Europe/Berlin for a PBX on UTC is told so, in words', async () => {
    const { core } = await startDemoCore({ seed: 3, profile: { timeZone: 'Europe/Berlin' } }, cleanups)
    const r = await core.dispatch('pbxClock.read', { profileId: 'demo' }, tab)
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.pbxOffsetMinutes).toBe(0)
    expect([60, 120]).toContain(r.value.profileOffsetMinutes)
    expect(r.value.warning).toMatch(/^The PBX's clock runs on UTC, but this profile says Europe\/Berlin \(UTC\+[12]\)/)
  })

  it('an unknown profile and bad input are refused before the PBX hears of it', async () => {
    const { core } = await startDemoCore({ seed: 3 }, cleanups)
    expect(await core.dispatch('pbxClock.read', { profileId: 'nope' }, tab)).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(await core.dispatch('pbxClock.read', { profileId: 'demo', extra: 1 }, tab)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })
})

describe('reading what the PBX says', () => {
  it('takes STRFTIME’s epoch, offset and zone, and nothing else', () => {
    expect(CLOCK_FUNCTION).toBe('STRFTIME(,,%s %z %Z)')
    expect(parseClock('1764968400 +0100 CET')).toEqual({ epochMs: 1764968400000, offsetMinutes: 60, zone: 'CET' })
    expect(parseClock('1764968400 -0430 ')).toEqual({ epochMs: 1764968400000, offsetMinutes: -270, zone: '' })
    for (const junk of ['', 'now', '1764968400', '1764968400 CET', '17649684000000 +0100 CET']) expect(parseClock(junk)).toBeUndefined()
  })

  it('a clock far off this computer’s is said with its direction', () => {
    const winter = Date.UTC(2026, 0, 15, 12)
    const view = compareClock({ epochMs: winter + 5 * 60_000, offsetMinutes: 60, zone: 'CET' }, 'Europe/Berlin', winter, english)
    expect(view.profileOffsetMinutes).toBe(60)
    expect(view.warning).toBe("The PBX's clock is 5 minutes ahead of this computer's: one of the two is wrong.")
    expect(compareClock({ epochMs: winter, offsetMinutes: 60, zone: 'CET' }, 'Europe/Berlin', winter + 30_000, english).warning).toBeUndefined()
    // Summer time: the zone's offset at that instant, not a fixed one.
    const summer = Date.UTC(2026, 6, 15, 12)
    expect(compareClock({ epochMs: summer, offsetMinutes: 120, zone: 'CEST' }, 'Europe/Berlin', summer, english).warning).toBeUndefined()
    expect(compareClock({ epochMs: summer, offsetMinutes: 60, zone: 'CET' }, 'Europe/Berlin', summer, english).warning).toMatch(
      /CET, UTC\+1.*Europe\/Berlin \(UTC\+2\)/,
    )
  })
})
