// Every CDR exactly once, end to end against the demo PBX: live from AMI `Cdr` events, then again
// from the demo's FreePBX API backfill (twice), across a PBX restart that restarts the Uniqueid
// sequence and channel numbering, with a transferred call that forks two CDRs. The cache must hold exactly as many rows as the
// PBX wrote CDRs.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { HistoryStatsView } from '../../../src-preload/types/history'
import { createAppCore, type AppCore } from '../../../src-main/core/app/app-core'
import { startBuiltinDemo, type BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import { DownloadRegistry } from '../../../src-main/web/downloads'
import { openNodeStores } from '../../../src-main/web/node-stores'
import { ringingAt } from '../../support/console-harness'
import { eventually } from '../../support/wait'
import { testAppInfo } from '../../support/test-core'

const ctx = { clientId: 'web-1', transport: 'web' as const }
let demo: BuiltinDemo | undefined
let core: AppCore | undefined
let dataDir: string | undefined

afterEach(async () => {
  await core?.close()
  await demo?.stop()
  if (dataDir !== undefined) rmSync(dataDir, { recursive: true, force: true })
  core = undefined
  demo = undefined
  dataDir = undefined
})

/** A console on the same data folder each time (the cache outlives the console). */
async function startConsole(d: BuiltinDemo, dir: string): Promise<AppCore> {
  const c = createAppCore({
    appInfo: testAppInfo,
    ...openNodeStores(dir, () => undefined),
    exportSink: new DownloadRegistry(),
    builtinProfile: d.builtin,
  })
  await c.start()
  await eventually('AMI connected', () => (c.runtimes.statuses()[0]?.ami === 'connected' ? true : undefined), 15_000)
  return c
}

async function stats(c: AppCore): Promise<HistoryStatsView> {
  const r = await c.dispatch('history.stats', { profileId: 'demo' }, ctx)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

/** An outside call answered at the reception phone, then ended by the caller. */
async function answeredCall(d: BuiltinDemo, name: string, opts: { transferVia?: AppCore } = {}): Promise<void> {
  const trunk = d.pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930555111', callerName: name }, to: '4930555002' })
  if (trunk === undefined) throw new Error('the demo refused the call')
  const phone = await ringingAt(d, '100')
  expect(d.pbx.answer(phone.uniqueid)).toBe(true)
  d.pbx.advanceTime(5_000)
  if (opts.transferVia !== undefined) {
    // The operator transfers the caller to 101 (Redirect): the trunk channel's CDR forks.
    const console_ = opts.transferVia
    // `not_found` until the console's live state has seen the channel (nothing is sent then).
    const r = await eventually(
      'the console to know the call',
      async () => {
        const res = await console_.dispatch(
          'calls.transfer',
          { profileId: 'demo', channelId: trunk.uniqueid, destination: '101', mode: 'blind' },
          ctx,
        )
        return !res.ok && res.error.code === 'not_found' ? undefined : res
      },
      15_000,
      100,
    )
    expect(r).toMatchObject({ ok: true })
    const at101 = await ringingAt(d, '101')
    expect(d.pbx.answer(at101.uniqueid)).toBe(true)
    d.pbx.advanceTime(3_000)
  }
  expect(d.pbx.hangup(trunk.uniqueid)).toBe(true)
  await eventually('the call gone', () => (d.pbx.channels().length === 0 ? true : undefined))
}

describe('call history from the demo PBX', () => {
  it('stores every CDR exactly once: live, across a PBX restart, and again from two API backfills', async () => {
    demo = await startBuiltinDemo({ rate: 0, seed: 23 })
    dataDir = mkdtempSync(join(tmpdir(), 'att-history-'))
    const d = demo
    // Counted here: the engine's own counters restart with the simulated PBX.
    let written = 0
    const stopCounting = d.pbx.engine.on((event) => {
      if (event.name === 'Cdr') written++
    })
    core = await startConsole(d, dataDir)

    await answeredCall(d, 'Before Restart')
    await answeredCall(d, 'Transferred Caller', { transferVia: core })
    await d.pbx.restart()
    await eventually('AMI reconnected after the restart', () => (core?.runtimes.statuses()[0]?.ami === 'connected' ? true : undefined), 20_000)
    await answeredCall(d, 'After Restart')

    stopCounting()
    // A transferred call forks a CDR: more CDRs than calls.
    expect(written).toBeGreaterThan(3)
    const c1 = core
    const live = await eventually(
      'every CDR ingested live',
      async () => {
        const s = await stats(c1)
        return s.rows >= written ? s : undefined
      },
      15_000,
      100,
    )
    expect(live.rows).toBe(written)

    // The next consoles backfill every CDR from the API on start: all of them already stored.
    for (const round of [1, 2]) {
      const before = live.lastIngestMs ?? 0
      await core.close()
      core = undefined
      core = await startConsole(d, dataDir)
      const c = core
      const after = await eventually(
        `backfill ${String(round)} done`,
        async () => {
          const s = await stats(c)
          return (s.lastIngestMs ?? 0) > before ? s : undefined
        },
        15_000,
        100,
      )
      expect(after.rows, `rows after backfill ${String(round)}`).toBe(written)
    }

    const page = await core.dispatch('history.query', { filter: { profileId: 'demo' }, limit: 100 }, ctx)
    if (!page.ok) throw new Error(page.error.message)
    const ids = page.value.rows.map((r) => `${r.uniqueid}|${r.channel}|${r.dstchannel}|${String(r.start)}`)
    expect(new Set(ids).size).toBe(ids.length)
    expect(page.value.rows.map((r) => r.clid).join(' ')).toContain('After Restart')
  })
})
