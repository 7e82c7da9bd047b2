/**
 * A call into voicemail says so through the whole console (issue 18 item 7): the real core and its
 * runtime against the demo PBX, read back as a window reads the live state. The runtime's AMI
 * session takes app_voicemail's Newexten behind session filters, so a message being left shows as
 * such while it happens, and still after a reconnect's rebuild from CoreShowChannels; listening by
 * phone shows from the Originate's answer. An AMI user that may not add filters keeps the narrow
 * mask (no dialplan flood) and learns it at the rebuild.
 */
import { describe, expect, it } from 'vitest'
import type { BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import type { AmiSession } from '../../../src-main/core/demo/ami-session'
import type { LiveCall, LiveState } from '../../../src-preload/types/live'
import { cleanupsAfterEach } from '../../support/cleanups'
import { ringingAt } from '../../support/console-harness'
import { startDemoCore, type DemoCore } from '../../support/demo-core'
import { eventually } from '../../support/wait'

const cleanups = cleanupsAfterEach()

/** The console's own AMI session on the demo (its user's name). */
function consoleSession(demo: BuiltinDemo, user: string): AmiSession {
  const s = [...demo.pbx.ami.sessions].find((x) => x.user?.username === user)
  if (s === undefined) throw new Error(`no AMI session of ${user}`)
  return s
}

function callFrom(state: LiveState, exten: string): LiveCall | undefined {
  return Object.values(state.calls).find((c) => c.caller.number === exten)
}

/** The PBX drops the console's AMI connection: it reconnects and rebuilds from the lists. */
async function reconnect(d: DemoCore, user: string): Promise<void> {
  const before = consoleSession(d.demo, user)
  before.close()
  await eventually('the console logged in again', () =>
    [...d.demo.pbx.ami.sessions].some((s) => s !== before && s.user?.username === user) ? true : undefined,
  )
  await expect.poll(() => d.core.runtimes.statuses().find((s) => s.profileId === 'demo')?.ami, { timeout: 15_000 }).toBe('connected')
}

describe('a message being left', () => {
  it('shows as voicemail for 104 while 101 speaks, not Talking, and after a reconnect still', async () => {
    const d = await startDemoCore({ seed: 11, amiUser: 'attendant', loadedWith: '104' }, cleanups)
    // The session asked for the dialplan class behind the two filters.
    const session = consoleSession(d.demo, 'attendant')
    expect(session.eventMask?.has('dialplan')).toBe(true)
    expect(session.filters.include).toHaveLength(2)

    // Phone 101 dials *104, straight to 104's voicemail (VoiceMail(104@default,u) on 101's channel).
    expect(d.demo.pbx.placeCall({ from: { exten: '101' }, to: '*104' })).toBeDefined()
    const call = await eventually('101’s call in voicemail', () => {
      const c = callFrom(d.live.state(), '101')
      return c?.target?.kind === 'voicemail' ? c : undefined
    })
    expect(call.target).toMatchObject({ kind: 'voicemail', voicemail: 'leave', parties: [{ number: '104' }] })
    expect(call.target?.since).toBeDefined()
    expect(call.callee.number).toBe('104')

    await reconnect(d, 'attendant')
    await d.live.subscribe()
    const rebuilt = await eventually('the rebuilt call', () => callFrom(d.live.state(), '101'))
    expect(rebuilt.target).toMatchObject({ kind: 'voicemail', voicemail: 'leave', parties: [{ number: '104' }] })
    // The message is saved once 101 hangs up: the call ends.
    d.demo.pbx.setSpeed(20)
    await eventually('the call over', () => (callFrom(d.live.state(), '101') === undefined ? true : undefined), 10_000)
  })

  it('an AMI user without write=system is refused the filters, gets no dialplan events, and knows it from the rebuild', async () => {
    const d = await startDemoCore({ seed: 12, loadedWith: '104' }, cleanups)
    const session = consoleSession(d.demo, 'operator')
    expect(session.eventMask?.has('dialplan')).toBe(false)
    expect(session.filters.include).toHaveLength(0)
    expect(d.demo.pbx.placeCall({ from: { exten: '101' }, to: '*104' })).toBeDefined()
    await eventually('101’s call up', () => (callFrom(d.live.state(), '101')?.state === 'up' ? true : undefined))
    expect(callFrom(d.live.state(), '101')?.target?.kind).not.toBe('voicemail')
    await reconnect(d, 'operator')
    await d.live.subscribe()
    await eventually('voicemail known from CoreShowChannels', () =>
      callFrom(d.live.state(), '101')?.target?.kind === 'voicemail' ? true : undefined,
    )
  })
})

describe('listening by phone', () => {
  it('the seat’s phone rung into VoiceMailMain for 104 shows as listening to 104’s voicemail', async () => {
    const d = await startDemoCore({ seed: 13, operator: { role: 'supervisor' }, loadedWith: '104' }, cleanups)
    const tab = { clientId: 'web-1', transport: 'web' } as const
    // The mailboxes are listed first (the seat may listen only to a box the PBX has).
    await eventually('the mailboxes listed', async () => {
      const w = await d.core.dispatch('voicemail.watch', { profileId: 'demo' }, tab)
      return w.ok && w.value.loaded && w.value.mailboxes.length > 0 ? true : undefined
    })
    const r = await d.core.dispatch('voicemail.listen', { profileId: 'demo', mailbox: '104@default' }, tab)
    expect(r).toMatchObject({ ok: true })
    const own = await ringingAt(d.demo, '100')
    expect(d.demo.pbx.answer(own.uniqueid)).toBe(true)
    const call = await eventually('the listening call', () => {
      const c = Object.values(d.live.state().calls).find((x) => x.channelIds.includes(own.uniqueid))
      return c?.target?.kind === 'voicemail' ? c : undefined
    })
    expect(call.target).toMatchObject({ kind: 'voicemail', voicemail: 'listen', parties: [{ number: '104' }] })
  })
})
