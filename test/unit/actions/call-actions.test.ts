import { describe, expect, it } from 'vitest'
import { CallActions } from '../../../src-main/core/calls/call-actions'
import type { AmiPort, LiveLookup } from '../../../src-main/core/actions/pbx-port'
import { QueueActions } from '../../../src-main/core/queues/queue-actions'
import { AmiError } from '../../../src-main/core/ami/errors'
import { AmiMessage } from '../../../src-main/core/ami/message'
import { MemoryAuditLog } from '../../../src-main/core/audit'
import { DialBudgets } from '../../../src-main/core/guard'
import { builtinDemoProfile, type PbxProfile } from '../../../src-main/core/profiles'

type Sent = { name: string; fields: [string, unknown][] }

function fakeAmi(fail?: AmiError): AmiPort & { sent: Sent[] } {
  const sent: Sent[] = []
  return {
    sent,
    action: (name, fields) => {
      sent.push({ name, fields: [...((fields ?? []) as [string, unknown][])] })
      return fail === undefined
        ? Promise.resolve(
            AmiMessage.from([
              ['Response', 'Success'],
              ['Message', 'ok'],
            ]),
          )
        : Promise.reject(fail)
    },
    originate: (fields) => {
      sent.push({ name: 'Originate', fields: [...(fields as [string, unknown][])] })
      if (fail !== undefined) return Promise.reject(fail)
      return Promise.resolve({
        actionId: 'a1',
        channelId: 'att-chan-1',
        response: AmiMessage.from([['Response', 'Success']]),
        outcome: new Promise(() => undefined),
      })
    },
  }
}

const live: LiveLookup = {
  channelName: (id) => ({ 'c-caller': 'PJSIP/trunk-00000001', 'c-op': 'PJSIP/100-00000002', 'c-other': 'PJSIP/105-00000003' })[id],
  peerOf: (id) => ({ 'c-caller': 'c-op', 'c-op': 'c-caller' })[id],
  bridgeOf: (id) => (id === 'c-caller' || id === 'c-op' ? 'b-1' : undefined),
  extenOf: (id) => ({ 'c-caller': '100', 'c-op': '100', 'c-other': '105' })[id],
  knownExtensions: () => new Set(['100', '101', '105', '200']),
  callChannels: (id) => (id === 'c-caller' || id === 'c-op' ? ['c-caller', 'c-op'] : [id]),
  isParked: (space) => space === '701',
  callParties: (id) =>
    id === 'c-caller' || id === 'c-op'
      ? { caller: { name: 'Anna Berg', number: '+4930123' }, callee: { name: 'Reception', number: '100' }, queue: undefined, ringGroup: undefined }
      : id === 'c-other'
        ? { caller: { name: '', number: '105' }, callee: { name: '', number: '' }, queue: 'support', ringGroup: undefined }
        : undefined,
  parkee: (space) => (space === '701' ? { name: 'Olaf Park', number: '+4940555' } : undefined),
}

function setup(opts: { profile?: Partial<PbxProfile['operator']>; fail?: AmiError; capacity?: number } = {}) {
  const base = builtinDemoProfile({ ami: 5038 })
  const profile: PbxProfile = {
    ...base,
    operator: { ...base.operator, ownExtension: '100', ...opts.profile },
    // A NANP seat: outside line 9, international 011.
    dialPlan: {
      country: '1',
      outsideLinePrefix: '9',
      nationalPrefix: '1',
      internationalPrefix: '011',
      internalExtensions: { patterns: ['1XX', '2XX'], list: [] },
      emergencyNumbers: ['911'],
      allowedOutboundPrefixes: [],
    },
    originate: { ...base.originate, voicemailContext: 'default' },
    // A burst, then 10 a minute (one every 6 s).
    dialLimits: { burst: opts.capacity ?? 5, perMinute: 10 },
  }
  const ami = fakeAmi(opts.fail)
  const audit = new MemoryAuditLog()
  let t = 0
  const dialBudget = new DialBudgets({ now: () => t })
  const deps = { profile: () => profile, ami, live, audit, dialBudget }
  const actions = new CallActions(deps)
  return { actions, ami, audit, deps, advance: (ms: number) => (t += ms) }
}
const actor = { clientId: 'web-1', transport: 'web' as const }

describe('CallActions', () => {
  it('hangs up by channel id, naming the channel from the live state only', async () => {
    const { actions, ami, audit } = setup()
    await expect(actions.hangup('c-caller', actor)).resolves.toEqual({ message: 'Call hung up' })
    expect(ami.sent).toEqual([
      {
        name: 'Hangup',
        fields: [
          ['Channel', 'PJSIP/trunk-00000001'],
          ['Cause', 16],
        ],
      },
    ])
    expect((await audit.read({ limit: 5 }))[0]).toMatchObject({
      action: 'call.hangup',
      result: 'ok',
      target: 'Anna Berg <+4930123> → Reception <100>',
      seat: 'web socket 1',
      role: 'receptionist',
      operator: '100',
      detail: 'channel c-caller',
    })
  })

  it('says "already gone" for a channel that is not live, without writing to the PBX', async () => {
    const { actions, ami, audit } = setup()
    await expect(actions.hangup('nope', actor)).rejects.toMatchObject({ code: 'not_found', message: 'That call has already gone' })
    expect(ami.sent).toEqual([])
    expect((await audit.read({ limit: 5 }))[0]).toMatchObject({ result: 'refused', errorCode: 'not_found' })
  })

  it('turns the PBX refusal into plain words', async () => {
    const err = new AmiError('action_error', 'Hangup failed', {
      response: AmiMessage.from([
        ['Response', 'Error'],
        ['Message', 'No such channel'],
      ]),
    })
    const { actions, audit } = setup({ fail: err })
    await expect(actions.hangup('c-caller', actor)).rejects.toMatchObject({
      code: 'pbx_error',
      message: 'The PBX refused it: the call has already gone',
    })
    expect((await audit.read({ limit: 5 }))[0]).toMatchObject({ result: 'error', errorCode: 'pbx_error' })
  })

  it('reports a lost answer as outcome_unknown and audits it so; never retries', async () => {
    const { actions, ami, audit } = setup({ fail: new AmiError('outcome_unknown', 'lost') })
    await expect(actions.originate('101', false, actor)).rejects.toMatchObject({ code: 'outcome_unknown' })
    expect(ami.sent).toHaveLength(1)
    expect((await audit.read({ limit: 5 }))[0]).toMatchObject({ result: 'outcome_unknown' })
  })

  it('blind-transfers with Redirect to the guard’s digits in the profile’s fixed context', async () => {
    const { actions, ami } = setup()
    await actions.blindTransfer('c-caller', '105', false, actor)
    expect(ami.sent[0]).toEqual({
      name: 'Redirect',
      fields: [
        ['Channel', 'PJSIP/trunk-00000001'],
        ['Context', 'from-internal'],
        ['Exten', '105'],
        ['Priority', 1],
      ],
    })
  })

  it.each([
    ['011 44 20 7946 0000', 'international'],
    ['1-900-555-0199', 'premium'],
    ['+881 6 1234 5678', 'satellite'],
    ['1 876 555 0100', 'nanp_international'],
    ['105&DAHDI/g0/011', 'parallel_dial'],
    ['PJSIP/105', 'channel_technology'],
    ['105@default', 'context_injection'],
    ['105\r\nAction: Originate', 'control_character'],
    ['١٠٥', 'non_ascii_digit'],
  ])('refuses %s by rule %s before anything reaches the PBX', async (dest, rule) => {
    const { actions, ami, audit } = setup()
    await expect(actions.blindTransfer('c-caller', dest, false, actor)).rejects.toMatchObject({ code: 'refused', detail: { rule } })
    await expect(actions.originate(dest, false, actor)).rejects.toMatchObject({ code: 'refused', detail: { rule } })
    expect(ami.sent).toEqual([])
    const entries = await audit.read({ limit: 5 })
    expect(entries.every((e) => e.result === 'refused' && e.rule === rule)).toBe(true)
  })

  it('asks to confirm an emergency number, and dials it once confirmed', async () => {
    const { actions, ami } = setup()
    await expect(actions.originate('911', false, actor)).rejects.toMatchObject({ code: 'confirm_required' })
    expect(ami.sent).toEqual([])
    await actions.originate('911', true, actor)
    expect(ami.sent[0]!.fields).toContainEqual(['Exten', '911'])
  })

  it('originates from the operator’s own phone with fixed headers only', async () => {
    const { actions, ami } = setup()
    const done = await actions.originate('(202) 555-0143', false, actor)
    expect(done.ref).toBe('att-chan-1')
    const fields = ami.sent[0]!.fields
    expect(fields).toContainEqual(['Channel', 'PJSIP/100'])
    expect(fields).toContainEqual(['Context', 'from-internal'])
    expect(fields.map(([k]) => k)).not.toEqual(expect.arrayContaining(['Application']))
    expect(fields.some(([k]) => ['Application', 'Data', 'Variable'].includes(k))).toBe(false)
  })

  it('refuses every write on a read-only profile and queue-free roles', async () => {
    const { actions, ami, audit } = setup({ profile: { readOnly: true } })
    await expect(actions.hangup('c-caller', actor)).rejects.toMatchObject({ code: 'forbidden', detail: { rule: 'read_only' } })
    await expect(actions.originate('101', false, actor)).rejects.toMatchObject({ code: 'forbidden' })
    expect(ami.sent).toEqual([])
    expect((await audit.read({ limit: 5 })).map((e) => e.rule)).toEqual(['read_only', 'read_only'])
  })

  it('rate-limits dialling per seat, shared by every window, then lets it through again after the refill', async () => {
    const { actions, audit, advance } = setup({ capacity: 2 })
    await actions.originate('101', false, actor)
    await actions.blindTransfer('c-caller', '105', false, { clientId: 'window-2', transport: 'ipc' })
    // Another window of the same seat spends from the same budget.
    const refused = await actions.originate('101', false, { clientId: 'web-7', transport: 'web' }).catch((e: unknown) => e)
    expect(refused).toMatchObject({ code: 'refused', detail: { rule: 'rate_limit', retryAfterMs: 6000, retryAt: new Date(6000).toISOString() } })
    expect((refused as Error).message).toMatch(/extension 100 .*next one is possible in 6 s, at \d\d:\d\d:\d\d/)
    expect((await audit.read({ limit: 1 }))[0]).toMatchObject({
      action: 'call.originate',
      result: 'refused',
      rule: 'rate_limit',
      seat: 'web socket 7',
    })
    advance(6_000)
    await expect(actions.originate('101', false, actor)).resolves.toBeTruthy()
  })

  it('a destination the guard refuses never uses up the budget; a confirmed emergency call is never held back', async () => {
    const { actions, ami } = setup({ capacity: 2 })
    for (const garbage of ['abc', '1001#', '1'.repeat(40), 'PJSIP/105', '1-900-555-0199', '+44 20 7946 0000', '911']) {
      await expect(actions.originate(garbage, false, actor)).rejects.toMatchObject({ code: expect.stringMatching(/refused|confirm_required/) })
    }
    await actions.originate('101', false, actor)
    await actions.originate('102', false, actor)
    await expect(actions.originate('103', false, actor)).rejects.toMatchObject({ detail: { rule: 'rate_limit' } })
    await expect(actions.originate('911', true, actor)).resolves.toBeTruthy()
    expect(ami.sent.map((m) => m.fields.find(([k]) => k === 'Exten')?.[1])).toEqual(['101', '102', '911'])
  })

  it('attended transfer runs Atxfer on the operator’s own leg, and refuses calls elsewhere', async () => {
    const { actions, ami } = setup()
    await actions.attendedTransfer('c-caller', '105', false, actor)
    expect(ami.sent[0]).toEqual({
      name: 'Atxfer',
      fields: [
        ['Channel', 'PJSIP/100-00000002'],
        ['Exten', '105'],
        ['Context', 'from-internal'],
      ],
    })
    await actions.cancelTransfer('c-caller', actor)
    expect(ami.sent[1]).toEqual({ name: 'CancelAtxfer', fields: [['Channel', 'PJSIP/100-00000002']] })
    await actions.completeTransfer('c-op', actor)
    expect(ami.sent[2]).toEqual({
      name: 'Hangup',
      fields: [
        ['Channel', 'PJSIP/100-00000002'],
        ['Cause', 16],
      ],
    })
    await expect(actions.attendedTransfer('c-other', '101', false, actor)).rejects.toMatchObject({
      code: 'refused',
      detail: { rule: 'not_own_call' },
    })
  })

  it('finds the operator’s leg through the whole call while the caller waits alone (consultation)', async () => {
    const ami = fakeAmi()
    const { deps } = setup()
    const consulting: LiveLookup = { ...live, peerOf: () => undefined, callChannels: () => ['c-caller', 'c-op', 'c-other'] }
    const actions = new CallActions({ ...deps, ami, live: consulting })
    await actions.completeTransfer('c-caller', actor)
    expect(ami.sent[0]).toEqual({
      name: 'Hangup',
      fields: [
        ['Channel', 'PJSIP/100-00000002'],
        ['Cause', 16],
      ],
    })
  })

  it('parks with the peer as the timeout channel and picks up only an occupied space', async () => {
    const { actions, ami } = setup()
    await actions.park('c-caller', actor)
    expect(ami.sent[0]).toEqual({
      name: 'Park',
      fields: [
        ['Channel', 'PJSIP/trunk-00000001'],
        ['Parkinglot', 'default'],
        ['TimeoutChannel', 'PJSIP/100-00000002'],
      ],
    })
    await actions.pickupParked('701', actor)
    expect(ami.sent[1]!.fields).toContainEqual(['Exten', '701'])
    await expect(actions.pickupParked('702', actor)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('voicemail transfer only to an internal extension', async () => {
    const { actions, ami } = setup()
    await actions.transferToVoicemail('c-caller', '105', actor)
    expect(ami.sent[0]!.fields).toContainEqual(['Exten', '*105'])
    await expect(actions.transferToVoicemail('c-caller', '2025550143', actor)).rejects.toMatchObject({ code: 'refused' })
  })

  it('every line names the seat, the role and what a person recognises; the channel id stays in the detail', async () => {
    const { actions, audit } = setup({ profile: { role: 'supervisor' } })
    const window3 = { clientId: 'window-3', transport: 'ipc' as const }
    await actions.blindTransfer('c-caller', '105', false, window3)
    await actions.transferToVoicemail('c-caller', '105', window3)
    await actions.originate('(202) 555-0143', false, window3)
    await actions.park('c-caller', window3)
    await actions.pickupParked('701', window3)
    await actions.hangup('c-other', window3)
    await actions.blindTransfer('c-caller', '1-900-555-0199', false, window3).catch(() => undefined)
    await actions.hangup('gone.1', window3).catch(() => undefined)
    const lines = (await audit.read({ limit: 20 })).reverse()
    expect(lines.map((e) => [e.action, e.target, e.result])).toEqual([
      ['call.transfer.blind', 'Anna Berg <+4930123> → 105', 'ok'],
      ['call.transfer.voicemail', 'Anna Berg <+4930123> → voicemail of 105', 'ok'],
      ['call.originate', 'your phone (100) → (202) 555-0143', 'ok'],
      ['call.park', 'Anna Berg <+4930123> → parking lot default', 'ok'],
      ['call.pickup', 'Olaf Park <+4940555> parked in space 701 → your phone (100)', 'ok'],
      ['call.hangup', '105 → queue support', 'ok'],
      ['call.transfer.blind', 'Anna Berg <+4930123> → 1-900-555-0199', 'refused'],
      ['call.hangup', 'a call no longer listed', 'refused'],
    ])
    for (const line of lines) expect(line).toMatchObject({ seat: 'window 3', role: 'supervisor', operator: '100' })
    expect(lines[0]?.detail).toBe('channel c-caller')
    expect(lines[2]?.detail).toBe('dialled 912025550143 · ref att-chan-1')
    expect(lines[4]?.detail).toBe('ref att-chan-1 · parking space 701')
    expect(lines[6]).toMatchObject({ rule: 'premium', detail: 'North American premium-rate 1-900 numbers · channel c-caller' })
    expect(lines[7]).toMatchObject({ errorCode: 'not_found', detail: 'That call has already gone · channel gone.1' })
  })

  it('a role refusal is audited the same way', async () => {
    const { deps, audit } = setup()
    const queues = new QueueActions({ ...deps, isMember: () => true, memberName: () => 'Anna Berger', liveModel: () => undefined })
    await expect(queues.pause('support', 'PJSIP/101', true, 'Lunch', actor)).rejects.toMatchObject({ code: 'forbidden', detail: { rule: 'role' } })
    await expect(queues.pause('support', 'PJSIP/101', false, undefined, actor)).rejects.toMatchObject({ code: 'forbidden' })
    expect((await audit.read({ limit: 5 })).reverse().map((e) => [e.action, e.target, e.rule, e.seat, e.role])).toEqual([
      ['queue.pause', 'Anna Berger (PJSIP/101) in queue support, reason “Lunch”', 'role', 'web socket 1', 'receptionist'],
      ['queue.unpause', 'Anna Berger (PJSIP/101) in queue support', 'role', 'web socket 1', 'receptionist'],
    ])
  })
})
