// Voicemail through the contract as a window or socket would use and attack it: the real
// dispatcher and core against the demo PBX. A call left in voicemail raises the box's count
// (MessageWaiting), listening by phone rings the seat's own phone into VoiceMailMain for a box the
// seat reaches and nothing else, and a box's messages are listed; every refusal is audited.
import { describe, expect, it, vi } from 'vitest'
import type { CallContext } from '../../../src-main/core/api/dispatcher'
import type { OriginateRequest } from '../../../src-main/core/demo/dialplan/originate'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { AuditEntryView } from '../../../src-preload/types/audit'
import type { VoicemailState } from '../../../src-preload/types/voicemail'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { eventually } from '../../support/wait'

const cleanups = cleanupsAfterEach()
const tab: CallContext = { clientId: 'web-3', transport: 'web' }

interface Seat extends DemoCore {
  readonly originates: OriginateRequest[]
  readonly watched: () => VoicemailState | undefined
}

/** A core on the demo PBX whose seat's own phone is 100. */
async function seat(operator: Partial<PbxProfile['operator']>, profile: Partial<Omit<PbxProfile, 'operator'>> = {}): Promise<Seat> {
  const started = await startDemoCore({ seed: 7, operator, profile }, cleanups)
  const concern = started.demo.pbx.engine.pbx.originates
  const originates: OriginateRequest[] = []
  const real = concern.originate.bind(concern)
  vi.spyOn(concern, 'originate').mockImplementation((req, onResult) => {
    originates.push(req)
    return real(req, onResult)
  })
  let last: VoicemailState | undefined
  started.core.bus.register(tab.clientId, {
    send: (channel, payload) => {
      if (channel === 'voicemail.changed') last = payload as VoicemailState
    },
    isBackedUp: () => false,
  })
  const first = await started.core.dispatch('voicemail.watch', { profileId: 'demo' }, tab)
  if (!first.ok) throw new Error(first.error.message)
  last = first.value
  await eventually('the mailboxes listed', () => (last?.loaded === true && last.mailboxes.length > 0 ? true : undefined))
  return { ...started, originates, watched: () => last }
}

const box = (d: Seat, id: string) => d.watched()?.mailboxes.find((m) => m.id === id)

/** Phone 101 dials *104 (straight to 104's voicemail) and leaves a message; the demo runs fast meanwhile. */
async function leaveMessageFor104(d: Seat): Promise<void> {
  const before = box(d, '104@default')?.newMessages ?? 0
  d.demo.pbx.setSpeed(20)
  expect(d.demo.pbx.placeCall({ from: { exten: '101' }, to: '*104' })).toBeDefined()
  await eventually('104’s new count up by one', () => ((box(d, '104@default')?.newMessages ?? 0) === before + 1 ? true : undefined), 10_000)
  d.demo.pbx.setSpeed(1)
}

async function audit(d: DemoCore): Promise<AuditEntryView[]> {
  const r = await d.core.dispatch('audit.read', { limit: 200 }, tab)
  if (!r.ok) throw new Error(r.error.message)
  return [...r.value].reverse().filter((e) => e.action.startsWith('voicemail.'))
}

describe('voicemail through the contract (demo PBX)', () => {
  it('lists every mailbox with its counts and name, raises a box’s count when a call leaves a message, and reads its urgent count', async () => {
    const d = await seat({ role: 'supervisor' })
    const v = d.watched()
    expect(v?.playback.available).toBe(false)
    expect(v?.playback.why).toMatch(/listen by phone/)
    expect(v?.listen).toEqual({ allowed: true })
    expect(box(d, '104@default')).toMatchObject({ mailbox: '104', context: 'default', newMessages: 0, oldMessages: 0, reachable: true })
    expect(box(d, '104@default')?.fullName).not.toBe('')
    await leaveMessageFor104(d)
    await eventually('the urgent count read again', () => (box(d, '104@default')?.urgentMessages === 0 ? true : undefined))
  })

  it('rings the supervisor’s own phone into VoiceMailMain for the box (a fixed template), marks the messages heard, and audits it', async () => {
    const d = await seat({ role: 'supervisor' })
    await leaveMessageFor104(d)
    const r = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '104@default' }, tab)
    expect(r).toMatchObject({ ok: true, value: { message: expect.stringContaining('Your phone (100) rings') } })
    expect(d.originates).toEqual([expect.objectContaining({ channel: 'PJSIP/100', application: 'VoiceMailMain', data: '104@default,s' })])
    const own = await ringingAt(d.demo, '100')
    expect(d.demo.pbx.answer(own.uniqueid)).toBe(true)
    d.demo.pbx.setSpeed(20)
    await eventually('the message heard: old', () =>
      box(d, '104@default')?.newMessages === 0 && box(d, '104@default')?.oldMessages === 1 ? true : undefined,
    )
    const lines = await audit(d)
    expect(lines).toEqual([
      expect.objectContaining({ action: 'voicemail.listen', result: 'ok', target: expect.stringMatching(/^mailbox .*\(104\) \(1 new, 0 old\)$/) }),
    ])
    expect(lines[0]?.detail).toContain('VoiceMailMain 104@default,s')
  })

  it('lets a receptionist listen to their own box and the ones the profile names, and refuses any other, audited', async () => {
    const d = await seat({ role: 'receptionist' }, { voicemail: { mailboxes: ['103'] } })
    expect(box(d, '100@default')?.reachable).toBe(true)
    expect(box(d, '103@default')?.reachable).toBe(true)
    expect(box(d, '104@default')?.reachable).toBe(false)
    const refused = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '104@default' }, tab)
    expect(refused).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'voicemail_scope' } } })
    expect(refused.ok ? '' : refused.error.message).toMatch(/not one you may listen to \(yours: 100, 103\)/)
    const messages = await d.core.dispatch('voicemail.messages', { profileId: 'demo', mailbox: '104@default' }, tab)
    expect(messages).toMatchObject({ ok: false, error: { code: 'refused', detail: { rule: 'voicemail_scope' } } })
    expect(d.originates).toEqual([])
    expect(await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '103@default' }, tab)).toMatchObject({ ok: true })
    expect(await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '100@default' }, tab)).toMatchObject({ ok: true })
    expect(d.originates.map((o) => o.data)).toEqual(['103@default,s', '100@default,s'])
    const lines = await audit(d)
    expect(lines.map((l) => [l.action, l.result, l.rule])).toEqual([
      ['voicemail.listen', 'refused', 'voicemail_scope'],
      ['voicemail.messages', 'refused', 'voicemail_scope'],
      ['voicemail.listen', 'ok', undefined],
      ['voicemail.listen', 'ok', undefined],
    ])
  })

  it('refuses a read-only profile’s listen (it rings a phone) but lists the messages of its own box, audited', async () => {
    const d = await seat({ role: 'supervisor', readOnly: true })
    expect(d.watched()?.listen.allowed).toBe(false)
    const r = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '104@default' }, tab)
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden', detail: { rule: 'read_only' } } })
    expect(d.originates).toEqual([])
    expect(await d.core.dispatch('voicemail.messages', { profileId: 'demo', mailbox: '100@default' }, tab)).toMatchObject({
      ok: true,
      value: { messages: [] },
    })
    expect((await audit(d)).map((l) => [l.action, l.result, l.rule])).toEqual([
      ['voicemail.listen', 'refused', 'read_only'],
      ['voicemail.messages', 'ok', undefined],
    ])
  })

  it('lists a box’s messages as VoicemailBoxSummary gives them (caller, date, length), and says playback is not offered', async () => {
    const d = await seat({ role: 'admin' })
    await leaveMessageFor104(d)
    const r = await d.core.dispatch('voicemail.messages', { profileId: 'demo', mailbox: '104@default' }, tab)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.playback.available).toBe(false)
    expect(r.value.messages).toEqual([
      expect.objectContaining({ folder: 'INBOX', callerNumber: '101', urgent: false, id: expect.stringMatching(/^\d+-[0-9a-f]{8}$/) }),
    ])
    expect(r.value.messages[0]?.callerName).not.toBe('')
    expect(r.value.messages[0]?.date).toMatch(/^\w{3} \w{3} +\d+ \d\d:\d\d:\d\d [AP]M UTC \d{4}$/)
    expect(r.value.messages[0]?.durationSeconds).toBeGreaterThan(0)
  })

  it('refuses bad input at the edge and an unknown box by name, sending nothing to the PBX', async () => {
    const d = await seat({ role: 'admin' })
    for (const mailbox of ['104', '104@default,s', '104@default&105@default', 'x@default', `${'1'.repeat(16)}@default`, '104@de fault']) {
      const r = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox }, tab)
      expect(r.ok, mailbox).toBe(false)
    }
    const unknown = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '199@default' }, tab)
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: 'The PBX has no mailbox 199@default' } })
    const other = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '104@other' }, tab)
    expect(other).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(d.originates).toEqual([])
    expect((await audit(d)).map((l) => [l.action, l.result])).toEqual([
      ['voicemail.listen', 'refused'],
      ['voicemail.listen', 'refused'],
    ])
  })
})
