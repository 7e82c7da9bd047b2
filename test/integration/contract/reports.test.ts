// Queue and agent reports through the contract, against the demo PBX: what a day of queue calls
// leaves in the store (live AMI ingest), who may read it, and the queue_log import counting nothing twice.
import { describe, expect, it } from 'vitest'
import type { QueueReport, ReportOptions } from '../../../src-preload/types/reports'
import type { PbxProfile } from '../../../src-main/core/profiles'
import { cleanupsAfterEach } from '../../support/cleanups'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { sleep } from '../../support/wait'

const ctx = { clientId: 'web-7', transport: 'web' as const }
const cleanups = cleanupsAfterEach()
const DAY = 86_400_000

function connected(seat: Partial<PbxProfile['operator']>): Promise<DemoCore> {
  return startDemoCore({ seed: 7, operator: seat }, cleanups)
}

const range = (): { from: number; to: number } => ({ from: Date.now() - DAY, to: Date.now() + 60_000 })

/** One caller to the support queue answered by a member then hung up, one who gives up waiting. Returns the callers' Uniqueids. */
async function queueDay(d: DemoCore): Promise<{ answered: string; abandoned: string }> {
  const { pbx } = d.demo
  const first = pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930111', callerName: 'First Caller' }, to: '4930555000' })
  await expect.poll(() => pbx.engine.ringingChannels().length, { timeout: 5000 }).toBeGreaterThan(0)
  const leg = pbx.engine.ringingChannels()[0]
  if (leg === undefined || first === undefined) throw new Error('no member rang')
  pbx.answer(leg.uniqueid)
  await sleep(1200)
  pbx.hangup(first.uniqueid)
  // Every member paused: the second caller waits, then hangs up.
  for (const m of pbx.engine.pbx.queues.byName.get('support')?.members ?? []) pbx.engine.pbx.queues.pause('support', m.interface, true, 'Lunch')
  const second = pbx.placeCall({ from: { trunk: 'trunk', callerNum: '+4930222', callerName: 'Second Caller' }, to: '4930555000' })
  if (second === undefined) throw new Error('no second call')
  await sleep(1200)
  pbx.hangup(second.uniqueid)
  return { answered: first.uniqueid, abandoned: second.uniqueid }
}

async function run(d: DemoCore, extra: object = {}): Promise<QueueReport> {
  const r = await d.core.dispatch('reports.run', { profileId: 'demo', ...range(), bucket: 'hour', ...extra }, ctx)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('reports through the contract', () => {
  it('a supervisor reads the queue day the live events left in the store: offered, answered, abandoned, pauses with their reason', async () => {
    const d = await connected({ role: 'supervisor' })
    await queueDay(d)
    await expect.poll(async () => (await run(d, { queues: ['support'] })).queues[0]?.abandoned, { timeout: 10_000 }).toBe(1)
    const r = await run(d, { queues: ['support'] })
    expect(r.queues[0]).toMatchObject({ queue: 'support', offered: 2, answered: 1, abandoned: 1 })
    // The demo's support queue says its service level (QueueParams), written through for offline reports.
    expect(r.queues[0]?.serviceLevelS).toBeGreaterThan(0)
    expect(r.queues[0]?.serviceLevelPct).toBe(100)
    expect(r.agents.some((a) => a.answered === 1 && a.completed === 1)).toBe(true)
    expect(r.agents.some((a) => a.pauseByReason.some((p) => p.reason === 'Lunch'))).toBe(true)
    expect(r.buckets.reduce((a, b) => a + b.offered, 0)).toBe(2)
    const options = await d.core.dispatch('reports.options', { profileId: 'demo' }, ctx)
    expect(options).toMatchObject({ ok: true, value: { queues: expect.arrayContaining([expect.objectContaining({ name: 'support' })]) as unknown } })
    expect((options as { value: ReportOptions }).value.events).toBeGreaterThan(5)
  })

  it('the PBX unreachable: the report still comes from the store, thresholds included', async () => {
    const d = await connected({ role: 'admin' })
    await queueDay(d)
    await expect.poll(async () => (await run(d, { queues: ['support'] })).queues[0]?.abandoned, { timeout: 10_000 }).toBe(1)
    await d.demo.pbx.stopAmi()
    await expect.poll(() => d.core.runtimes.statuses()[0]?.ami, { timeout: 10_000 }).not.toBe('connected')
    const r = await run(d, { queues: ['support'] })
    expect(r.queues[0]).toMatchObject({ offered: 2, answered: 1, abandoned: 1 })
    expect(r.queues[0]?.serviceLevelS).toBeGreaterThan(0)
  })

  it('a receptionist is refused every reports channel, each refusal audited; a read-only supervisor reads', async () => {
    const d = await connected({ role: 'receptionist' })
    const calls: [Parameters<typeof d.core.dispatch>[0], unknown][] = [
      ['reports.options', { profileId: 'demo' }],
      ['reports.run', { profileId: 'demo', ...range(), bucket: 'day' }],
      ['reports.export', { profileId: 'demo', ...range(), bucket: 'day' }],
      ['reports.importQueueLog', { profileId: 'demo', text: '1796000000|c1|support|NONE|ENTERQUEUE||5551|1\n' }],
    ]
    for (const [channel, input] of calls) {
      const r = await d.core.dispatch(channel, input, ctx)
      expect(r, channel).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'role' } } })
    }
    const audit = await d.core.dispatch('audit.read', { limit: 50 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    const refused = audit.value.filter((e) => e.result === 'refused' && e.action.startsWith('report.'))
    expect(refused.map((e) => e.action).sort()).toEqual(['report.export', 'report.import', 'report.read', 'report.read'])
    expect(refused.every((e) => e.seat === 'web socket 7' && e.role === 'receptionist')).toBe(true)
    // Nothing was imported by the refused call.
    const ro = await connected({ role: 'supervisor', readOnly: true })
    expect(await ro.core.dispatch('reports.run', { profileId: 'demo', ...range(), bucket: 'day' }, ctx)).toMatchObject({ ok: true })
  })

  it('bad input is refused at the edge with words, and an unknown profile is not found', async () => {
    const d = await connected({ role: 'supervisor' })
    const bad: unknown[] = [
      { profileId: 'demo', from: 2000, to: 1000, bucket: 'day' },
      { profileId: 'demo', from: 0, to: 400 * DAY, bucket: 'day' },
      { profileId: 'demo', ...range(), bucket: 'week' },
      { profileId: 'demo', ...range(), bucket: 'day', queues: ["support' OR 1=1 --"] },
      { profileId: 'demo', ...range(), bucket: 'day', agents: ['Eva\u202Eevil'] },
      { profileId: 'demo', ...range(), bucket: 'day', sql: 'DROP TABLE queue_event' },
    ]
    for (const input of bad)
      expect(await d.core.dispatch('reports.run', input, ctx), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await d.core.dispatch('reports.run', { profileId: 'nope', ...range(), bucket: 'day' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
    // A queue_log part larger than web mode's socket frame allows, or holding control characters, is refused whole.
    const line = '1796000000|c1|support|NONE|ENTERQUEUE||5551|1\n'
    for (const text of [line.repeat(Math.ceil(500_001 / line.length)), `${line}1796000000|c2|support|NONE|ENTERQUEUE||\u0000|1\n`]) {
      expect(await d.core.dispatch('reports.importQueueLog', { profileId: 'demo', text }, ctx)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      })
    }
    expect((await run(d)).queues).toEqual([])
  })

  it('a queue_log import of calls the live events already brought adds nothing; new lines are added, junk is refused by line', async () => {
    const d = await connected({ role: 'supervisor' })
    const ids = await queueDay(d)
    await expect.poll(async () => (await run(d, { queues: ['support'] })).queues[0]?.abandoned, { timeout: 10_000 }).toBe(1)
    const now = Math.floor(Date.now() / 1000)
    const text = [
      `${String(now - 1)}|${ids.abandoned}|support|NONE|ABANDON|1|1|1`,
      `${String(now - 3600)}|old-1|support|NONE|ENTERQUEUE||+4930999|1`,
      `${String(now - 3590)}|old-1|support|NONE|ABANDON|1|1|10`,
      `${String(now - 3600)}|NONE|support|NONE|QUEUESTART|`,
      'this is not a queue_log line',
    ].join('\n')
    const r = await d.core.dispatch('reports.importQueueLog', { profileId: 'demo', text }, ctx)
    expect(r).toMatchObject({ ok: true, value: { lines: 5, inserted: 2, duplicates: 1, ignored: 1, rejectedCount: 1, rejected: [{ line: 5 }] } })
    const again = await d.core.dispatch('reports.importQueueLog', { profileId: 'demo', text }, ctx)
    expect(again).toMatchObject({ ok: true, value: { inserted: 0, duplicates: 3 } })
    const report = await run(d, { queues: ['support'] })
    expect(report.queues[0]).toMatchObject({ offered: 3, abandoned: 2 })
    const audit = await d.core.dispatch('audit.read', { limit: 20 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.filter((e) => e.action === 'report.import' && e.result === 'ok')).toHaveLength(2)
  })

  it('exports the report as a one-time CSV download, audited', async () => {
    const d = await connected({ role: 'supervisor' })
    const r = await d.core.dispatch('reports.export', { profileId: 'demo', ...range(), bucket: 'day' }, ctx)
    expect(r).toMatchObject({ ok: true, value: { kind: 'download', url: expect.stringMatching(/^\/download\//) as unknown } })
    const audit = await d.core.dispatch('audit.read', { limit: 20 }, ctx)
    if (!audit.ok) throw new Error(audit.error.message)
    expect(audit.value.find((e) => e.action === 'report.export')).toMatchObject({ result: 'ok', role: 'supervisor' })
  })
})
