/**
 * Who the caller is with, and the way the call took, replaying real Asterisk 22 captures through
 * the reducers: after each step of a transfer, an attended transfer, a queue, a pickup, a
 * voicemail and a parked call picked up, the call's target (talking / ringing / voicemail /
 * parked), its callee and its path.
 *
 * The lab's phones are Local channels (`Local/101@lab-…;1` is phone 101 as the PBX dials it;
 * its `;2` half runs the phone's dialplan), and every call starts with an Originate whose
 * CallerID is 301, so only the numbers tell the parties apart.
 */
import { describe, expect, it } from 'vitest'
import type { AmiTypedEvent } from '../../../src-main/core/ami/events'
import type { LiveModel } from '../../../src-main/core/live/model'
import type { LiveCall } from '../../../src-preload/types/live'
import { replay, type Step } from './support'

function callsOf(m: LiveModel): LiveCall[] {
  return Object.values(m.calls)
}

function onlyCall(m: LiveModel): LiveCall {
  const cs = callsOf(m)
  expect(cs.map((c) => c.id)).toHaveLength(1)
  return cs[0] as LiveCall
}

function on(name: AmiTypedEvent['event'], channel?: string) {
  return (e: AmiTypedEvent): boolean =>
    e.event === name && (channel === undefined || ('channel' in e && typeof e.channel === 'object' && e.channel.channel === channel))
}

/** The state right after the n-th event (0-based) matching `pred`. */
function at(steps: readonly Step[], pred: (e: AmiTypedEvent) => boolean, n = 0): LiveModel {
  const hit = steps.filter((s) => pred(s.event))[n]
  if (hit === undefined) throw new Error('no such event in the capture')
  return hit.model
}

function target(call: LiveCall): string {
  return call.target === undefined
    ? 'none'
    : `${call.target.kind} ${call.target.parties.map((p) => `${p.number}${p.name !== '' ? ` ${p.name}` : ''}`).join(', ')}`
}

function path(call: LiveCall): string {
  return (call.path ?? []).map((s) => `${s.kind} ${s.number}${s.name !== '' ? ` ${s.name}` : ''}`).join(' > ')
}

describe('transfer.raw: who the caller is with after each step', () => {
  const steps = replay('transfer')

  it('ringing 101, then talking with 101 once bridged', () => {
    expect(target(onlyCall(at(steps, on('Newchannel', 'Local/101@lab-0000000b;2'))))).toBe('ringing 101')
    // Answered, the caller not yet in the bridge: still the phone that rang, never "nobody".
    expect(target(onlyCall(at(steps, on('BridgeEnter', 'Local/101@lab-0000000b;1'))))).toBe('ringing 101')
    const talking = onlyCall(at(steps, on('BridgeEnter', 'Local/102@lab-0000000a;1')))
    expect(target(talking)).toBe('talking 101')
    expect(talking.callee.number).toBe('101')
    expect(path(talking)).toBe('party 101')
  })

  it('a blind transfer of the callee to 104: the caller now runs 104, the row says 104', () => {
    const runs104 = (e: AmiTypedEvent): boolean =>
      on('Newexten', 'Local/102@lab-0000000c;1')(e) && 'channel' in e && typeof e.channel === 'object' && e.channel.exten === '104'
    const call = onlyCall(at(steps, runs104))
    // The lab's 104 is dialplan (Answer, Wait) run by the caller's own channel: nobody to bridge with.
    expect(target(call)).toBe('none')
    expect(call.callee.number).toBe('104')
    expect(path(call)).toBe('party 101')
  })

  it('the caller’s attended transfer to 105: with 101 while it holds, then 101 talks with 105', () => {
    const held = onlyCall(at(steps, on('Hold', 'Local/102@lab-0000000e;1')))
    expect(held.state).toBe('hold')
    expect(target(held)).toBe('talking 101')
    // 105 answers the consultation while 101 waits: the call is mid-transfer, 101 still its party.
    const consulting = onlyCall(at(steps, on('BridgeEnter', 'Local/105@lab-00000010;1')))
    expect(consulting.state).toBe('transferring')
    expect(target(consulting)).toBe('talking 101')
    // Completed (the transferer hung up): 101 and 105 talk; the path says how it got there.
    const done = onlyCall(at(steps, on('Hangup', 'Local/102@lab-0000000e;1')))
    expect(done.state).toBe('up')
    expect(target(done)).toBe('talking 105')
    expect(done.callee.number).toBe('105')
    expect(path(done)).toBe('party 101 > party 105')
  })
})

describe('atxfer-complete.raw: an attended transfer completed by the phone’s *2', () => {
  it('each party once in the path, though the merge briefly bridges all three', () => {
    const steps = replay('atxfer-complete')
    const merged = onlyCall(at(steps, on('AttendedTransfer')))
    expect(merged.target?.parties.map((p) => p.number)).toEqual(['101', '105'])
    const done = onlyCall(at(steps, on('Hangup', 'Local/102@lab-00000008;2')))
    expect(target(done)).toBe('talking 105')
    expect(path(done)).toBe('party 101 > party 105')
  })
})

describe('queue.raw: DID-less caller into queue support, answered by member 103', () => {
  const steps = replay('queue')

  it('in the queue with nobody, then ringing 103, then talking with 103 (bridged through its Local ;2)', () => {
    const queued = onlyCall(at(steps, on('QueueCallerJoin')))
    expect(queued.state).toBe('queued')
    expect(target(queued)).toBe('none')
    expect(path(queued)).toBe('queue support')
    expect(target(onlyCall(at(steps, on('Newchannel', 'Local/103@lab-00000009;1'))))).toBe('ringing 103')
    const answered = onlyCall(at(steps, on('BridgeEnter', 'Local/200@lab-00000008;2')))
    expect(target(answered)).toBe('talking 103')
    expect(answered.callee.number).toBe('103')
    expect(path(answered)).toBe('queue support > party 103')
  })
})

describe('voicemail.raw: a message left in 101’s mailbox', () => {
  it('says whose voicemail, in the target, the callee and the path', () => {
    const steps = replay('voicemail')
    const call = onlyCall(
      at(
        steps,
        on('Newexten'),
        steps
          .filter((s) => s.event.event === 'Newexten')
          .findIndex((s) => (s.event as AmiTypedEvent & { application?: string }).application === 'VoiceMail'),
      ),
    )
    expect(target(call)).toBe('voicemail 101')
    expect(call.callee.number).toBe('101')
    expect(path(call)).toBe('voicemail 101')
    expect(call.target?.since).toBeDefined()
  })
})

describe('pickup.raw: 105 picks up the call ringing at 110', () => {
  it('one call, talking with the picker, named as its connected line names it', () => {
    const steps = replay('pickup')
    expect(target(onlyCall(at(steps, on('Newchannel', 'Local/110@lab-00000001;2'))))).toBe('ringing 110')
    const picked = onlyCall(at(steps, on('BridgeEnter', 'Local/102@lab-00000000;1')))
    expect(target(picked)).toBe('talking 105 Operator 105')
    expect(picked.callee).toEqual({ name: 'Operator 105', number: '105' })
    expect(path(picked)).toBe('party 105 Operator 105')
  })
})

describe('park-retrieve.raw: a parked call picked up by dialling its space', () => {
  it('stays one call with its id, start and answer time; the path shows the park and who took it', () => {
    const steps = replay('park-retrieve')
    const before = onlyCall(at(steps, on('BridgeEnter', 'Local/102@lab-00000000;1')))
    const parked = onlyCall(at(steps, on('ParkedCall')))
    expect(target(parked)).toBe('parked 701')
    // The retriever's `;1` takes the parkee's Linkedid, its `;2` keeps its own: still one call.
    const retrieved = onlyCall(at(steps, on('UnParkedCall')))
    expect(retrieved.id).toBe(before.id)
    expect(retrieved).toMatchObject({ startedAt: before.startedAt, answeredAt: before.answeredAt, state: 'up' })
    expect(target(retrieved)).toBe('talking 103')
    expect(path(retrieved)).toBe('party 101 > parked 701 > party 103')
    expect(retrieved.channelIds).toHaveLength(4)
  })
})
