import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/test-core'
import { cacheWithCallsAged } from '../../support/cached-calls'
import { sleep } from '../../support/wait'

const ctx = { clientId: 'web-7', transport: 'web' as const }
let core: ReturnType<typeof createTestCore> | undefined

afterEach(async () => {
  await core?.close()
  core = undefined
})

/** A core whose cache holds 5 calls of 40 days ago, 3 of 10 days ago and 2 of today (retention 90). */
async function coreWithHistory(): Promise<ReturnType<typeof createTestCore>> {
  const cdrFile = await cacheWithCallsAged('pbx1', [40, 40, 40, 40, 40, 10, 10, 10, 0.01, 0.01])
  core = createTestCore({ cdrFile })
  await core.start()
  return core
}

async function cachedRows(c: ReturnType<typeof createTestCore>): Promise<number> {
  const r = await c.dispatch('history.stats', { profileId: 'pbx1' }, ctx)
  if (!r.ok) throw new Error(r.error.message)
  return r.value.rows
}

describe('a retention that deletes cached calls, through the contract as a hostile socket would send it', () => {
  it('names how many calls a retention would remove, validated at the edge', async () => {
    const c = await coreWithHistory()
    expect(await c.dispatch('history.retentionPreview', { days: 30 }, ctx)).toEqual({ ok: true, value: { days: 30, count: 5 } })
    expect(await c.dispatch('history.retentionPreview', { days: 5 }, ctx)).toEqual({ ok: true, value: { days: 5, count: 8 } })
    expect(await c.dispatch('history.retentionPreview', { days: 180 }, ctx)).toEqual({ ok: true, value: { days: 180, count: 0 } })
    for (const bad of [{ days: 0 }, { days: 1.5 }, { days: '30' }, { days: 99_999 }, { days: 30, profileId: 'x' }, undefined]) {
      expect(await c.dispatch('history.retentionPreview', bad, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })

  it('refuses a shorter retention without a confirmation, deletes nothing, says why and audits the refusal', async () => {
    const c = await coreWithHistory()
    const r = await c.dispatch('settings.set', { historyRetentionDays: 1 }, ctx)
    expect(r).toMatchObject({ ok: false, error: { code: 'confirm_required', detail: { rule: 'history_removal', days: 1, count: 8 } } })
    if (r.ok) return
    expect(r.error.message).toBe('Keeping 1 day of history would remove 8 cached calls; confirm the removal first.')
    // A patch mixing the retention with another setting is refused whole.
    expect(await c.dispatch('settings.set', { theme: 'dark', historyRetentionDays: 30 }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'confirm_required' },
    })
    // Confirming fewer removals than it would make is no confirmation.
    const short = await c.dispatch('settings.set', { historyRetentionDays: 30, confirmHistoryRemoval: 4 }, ctx)
    expect(short).toMatchObject({ ok: false, error: { code: 'confirm_required', detail: { count: 5 } } })
    expect(await c.dispatch('settings.get', undefined, ctx)).toMatchObject({ ok: true, value: { historyRetentionDays: 90, theme: 'system' } })
    await sleep(300)
    expect(await cachedRows(c)).toBe(10)
    const audit = await c.dispatch('audit.read', { limit: 10 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    const refusals = audit.value.filter((e) => e.action === 'settings.historyRetention')
    expect(refusals).toHaveLength(3)
    for (const e of refusals)
      expect(e).toMatchObject({ result: 'refused', errorCode: 'confirm_required', rule: 'history_removal', seat: 'web socket 7', profileId: '-' })
  })

  it('a longer retention, or one that removes nothing, needs no confirmation', async () => {
    const c = await coreWithHistory()
    expect(await c.dispatch('settings.set', { historyRetentionDays: 180 }, ctx)).toMatchObject({ ok: true, value: { historyRetentionDays: 180 } })
    expect(await c.dispatch('settings.set', { historyRetentionDays: 45 }, ctx)).toMatchObject({ ok: true, value: { historyRetentionDays: 45 } })
    await sleep(300)
    expect(await cachedRows(c)).toBe(10)
  })

  it('with the confirmed count, saves the retention and removes exactly the calls older than it', async () => {
    const c = await coreWithHistory()
    const r = await c.dispatch('settings.set', { historyRetentionDays: 30, confirmHistoryRemoval: 5 }, ctx)
    expect(r).toMatchObject({ ok: true, value: { historyRetentionDays: 30 } })
    // The confirmation is not a setting.
    expect(r.ok && 'confirmHistoryRemoval' in r.value).toBe(false)
    await expect.poll(() => cachedRows(c)).toBe(5)
    await sleep(200)
    expect(await cachedRows(c)).toBe(5)
    const audit = await c.dispatch('audit.read', { limit: 10 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.find((e) => e.action === 'settings.historyRetention')).toMatchObject({
      result: 'ok',
      detail: 'removes 5 cached calls older than 30 days',
    })
  })
})
