/**
 * Who the caller is with, and the way the call took: the console (AmiClient + LiveSync, as
 * ProfileRuntime wires them) against the demo PBX over real AMI. A DID into a queue answered by an
 * agent, a blind transfer by the console's action, an attended transfer done from the phone, a
 * ring group, a call sent to voicemail, a parked call picked up: after each step the call shows
 * the party the caller talks to (or where it rings now) and the path it took, and a resync
 * changes none of it.
 */
import { describe, expect, it } from 'vitest'
import type { Channel } from '../../../src-main/core/demo/model'
import type { LiveCall, LiveRouteStep } from '../../../src-preload/types/live'
import { cleanupsAfterEach } from '../../support/cleanups'
import {
  callSupportQueue,
  type LiveConsole,
  onlyCall,
  periodicResync,
  reconnect,
  ringing,
  startLiveConsole,
  step,
  SUPPORT_MEMBERS,
} from '../../support/live-console'

const cleanups = cleanupsAfterEach()
const start = (): Promise<LiveConsole> => startLiveConsole(5, cleanups)

function channelOn(c: LiveConsole, device: string): Channel {
  const ch = c.pbx.engine.channelList().find((x) => x.device === device && !x.hungUp)
  if (ch === undefined) throw new Error(`no channel on ${device}`)
  return ch
}

/** The path as the card reads it: `did 4930555000 > queue support > party 101 Anna Berger`. */
function pathText(call: LiveCall): string {
  return (call.path ?? []).map((s: LiveRouteStep) => `${s.kind} ${s.number}${s.name !== '' ? ` ${s.name}` : ''}`).join(' > ')
}

function target(call: LiveCall): string {
  return call.target === undefined
    ? 'none'
    : `${call.target.kind} ${call.target.parties.map((p) => `${p.number}${p.name !== '' ? ` ${p.name}` : ''}`).join(', ')}`
}

/** A periodic resync and a reconnect leave who and the path as they were. */
async function expectKeptByResyncs(c: LiveConsole): Promise<void> {
  const before = onlyCall(c.sync.model)
  await periodicResync(c)
  expect(onlyCall(c.sync.model)).toMatchObject({ callee: before.callee, target: before.target, path: before.path })
  await reconnect(c)
  expect(onlyCall(c.sync.model)).toMatchObject({ callee: before.callee, target: before.target, path: before.path })
}

async function queueCallAnsweredBy101(c: LiveConsole): Promise<Channel> {
  const trunk = callSupportQueue(c, ['PJSIP/102', 'PJSIP/103', 'PJSIP/104'])
  await step(c, 1000)
  c.pbx.answer(ringing(c, 'PJSIP/101').uniqueid)
  await step(c, 2000)
  return trunk
}

describe('who the caller is with, and the path it took (demo PBX over AMI)', () => {
  it('DID → queue → agent; then a blind transfer moves it: ringing 104, then talking with 104', async () => {
    const c = await start()
    const trunk = callSupportQueue(c, SUPPORT_MEMBERS)
    await step(c, 2000)
    let call = onlyCall(c.sync.model)
    expect(call.state).toBe('queued')
    expect(target(call)).toBe('none')
    expect(pathText(call)).toBe('did 4930555000 > queue support')

    c.pbx.memberPause('support', 'PJSIP/101', false)
    await step(c)
    call = onlyCall(c.sync.model)
    expect(target(call)).toBe('ringing 101 Anna Berger')
    c.pbx.answer(ringing(c, 'PJSIP/101').uniqueid)
    await step(c, 2000)
    call = onlyCall(c.sync.model)
    expect(target(call)).toBe('talking 101 Anna Berger')
    expect(call.callee).toEqual({ name: 'Anna Berger', number: '101' })
    expect(pathText(call)).toBe('did 4930555000 > queue support > party 101 Anna Berger')
    await expectKeptByResyncs(c)

    // The console's blind transfer (the BlindTransfer action on the caller's trunk channel).
    const r = await c.client.action('BlindTransfer', [
      ['Channel', trunk.name],
      ['Context', 'from-internal'],
      ['Exten', '104'],
    ])
    expect(r.get('Response')).toBe('Success')
    await step(c)
    call = onlyCall(c.sync.model)
    expect(call.state).toBe('ringing')
    expect(target(call)).toBe('ringing 104 David Eze')
    expect(call.callee.number).toBe('104')
    c.pbx.answer(ringing(c, 'PJSIP/104').uniqueid)
    await step(c, 2000)
    call = onlyCall(c.sync.model)
    expect(call.state).toBe('up')
    expect(target(call)).toBe('talking 104 David Eze')
    expect(pathText(call)).toBe('did 4930555000 > queue support > party 101 Anna Berger > party 104 David Eze')
    // Context kept: the queue and the DID stay on the card.
    expect(call).toMatchObject({ queue: 'support', did: '4930555000' })
    await expectKeptByResyncs(c)
  })

  it('an attended transfer done from the agent’s phone: with 101 while held, then with 105 once completed', async () => {
    const c = await start()
    await queueCallAnsweredBy101(c)
    const agent = channelOn(c, 'PJSIP/101')
    expect(c.pbx.engine.atxfer(agent, 'from-internal', '105')).toBe(true)
    await step(c)
    c.pbx.answer(ringing(c, 'PJSIP/105').uniqueid)
    await step(c, 2000)
    let call = onlyCall(c.sync.model)
    expect(call.state).toBe('transferring')
    // The caller waits on hold: still with the agent who holds it.
    expect(target(call)).toBe('talking 101 Anna Berger')
    expect(c.pbx.engine.completeAtxfer(agent)).toBe(true)
    await step(c, 2000)
    call = onlyCall(c.sync.model)
    expect(call.state).toBe('up')
    expect(target(call)).toBe('talking 105 Eva Fischer')
    expect(pathText(call)).toBe('did 4930555000 > queue support > party 101 Anna Berger > party 105 Eva Fischer')
    await expectKeptByResyncs(c)
  })

  it('DID → ring group: every phone of the group ringing, then the one that answered', async () => {
    const c = await start()
    const trunk = c.pbx.engine.inboundCall('peer', '4930555100', '+4989111222', 'Group Caller')
    if (trunk === undefined) throw new Error('no inbound call')
    await step(c)
    let call = onlyCall(c.sync.model)
    expect(call.target?.kind).toBe('ringing')
    expect(call.target?.parties.length ?? 0).toBeGreaterThan(1)
    const first = c.pbx.engine.ringingChannels()[0]
    if (first === undefined) throw new Error('nothing rings')
    const exten = first.device.slice('PJSIP/'.length)
    c.pbx.answer(first.uniqueid)
    await step(c, 2000)
    call = onlyCall(c.sync.model)
    expect(call.target).toMatchObject({ kind: 'talking', parties: [{ number: exten }] })
    expect(pathText(call)).toMatch(new RegExp(`^did 4930555100 > ringGroup 600 > party ${exten} `))
  })

  it('a call nobody answered goes to the voicemail of the phone that rang, named as the PBX named that phone', async () => {
    const c = await start()
    // DID 4930555002 dials Reception (100) for 30 s, then its voicemail.
    const trunk = c.pbx.engine.inboundCall('trunk', '4930555002', '+4930555123', 'Unanswered')
    if (trunk === undefined) throw new Error('no inbound call')
    await step(c)
    expect(target(onlyCall(c.sync.model))).toBe('ringing 100 Reception')
    await step(c, 31_000)
    const call = onlyCall(c.sync.model)
    expect(target(call)).toBe('voicemail 100 Reception')
    expect(call.callee).toEqual({ name: 'Reception', number: '100' })
    expect(pathText(call)).toBe('did 4930555002 > voicemail 100 Reception')
    await expectKeptByResyncs(c)
  })

  it('a call sent to voicemail by the console says whose: the extension’s mailbox', async () => {
    const c = await start()
    await queueCallAnsweredBy101(c)
    const trunk = onlyCall(c.sync.model).channelIds[0] as string
    const name = c.sync.model.channels[trunk]?.name as string
    // As the console's voicemail transfer does: Redirect to the voicemail prefix of 105.
    const r = await c.client.action('Redirect', [
      ['Channel', name],
      ['Context', 'from-internal'],
      ['Exten', '*105'],
      ['Priority', '1'],
    ])
    expect(r.get('Response')).toBe('Success')
    await step(c)
    const call = onlyCall(c.sync.model)
    expect(call.target).toMatchObject({ kind: 'voicemail', parties: [{ number: '105' }] })
    expect(call.callee.number).toBe('105')
    expect(pathText(call)).toBe('did 4930555000 > queue support > party 101 Anna Berger > voicemail 105')
    await expectKeptByResyncs(c)
  })

  it('a parked call picked up from another phone stays one call, with its queue, DID and wait', async () => {
    const c = await start()
    const trunk = await queueCallAnsweredBy101(c)
    const answered = onlyCall(c.sync.model)
    const space = c.pbx.park(trunk.name)
    expect(space).toBeDefined()
    await step(c, 2000)
    let call = onlyCall(c.sync.model)
    expect(call.state).toBe('parked')
    expect(target(call)).toBe(`parked ${String(space)}`)
    // Phone 103 dials the parking space.
    expect(c.pbx.engine.phoneCall('103', String(space))).toBeDefined()
    await step(c, 2000)
    call = onlyCall(c.sync.model)
    expect(call.id).toBe(answered.id)
    expect(call).toMatchObject({ state: 'up', queue: 'support', did: '4930555000', startedAt: answered.startedAt, answeredAt: answered.answeredAt })
    expect(call.target).toMatchObject({ kind: 'talking', parties: [{ number: '103' }] })
    expect(pathText(call)).toMatch(new RegExp(`^did 4930555000 > queue support > party 101 Anna Berger > parked ${String(space)} > party 103`))
  })
})
