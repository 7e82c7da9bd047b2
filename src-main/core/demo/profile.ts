/**
 * What the simulated PBX is configured with: its phones, queues, trunks, parking lot,
 * mailboxes and dialplan routes. Two profiles:
 * - `office` (the default demo): PJSIP phones 100–119, queues support and sales with static
 *   and dynamic members, ring group 600, parking 700/701–720, voicemail, a PJSIP and an IAX2 trunk.
 *   The captures hold no PJSIP traffic (no pjproject in the lab), so PJSIP channel names follow
 *   Asterisk's convention `PJSIP/<endpoint>-<8 hex digits>`.
 * - `lab`: the capture lab's configuration (README of test/fixtures/asterisk): Local-channel
 *   phones 100–105 answering at once, 300/30X = Dial phone 10X, 200 = queue support, 400 =
 *   Stasis(console), 701–720 parking. Fidelity tests replay the captured scenarios against it.
 */

export type Route =
  | { readonly kind: 'phone'; readonly exten: string }
  | { readonly kind: 'dial'; readonly targets: readonly string[]; readonly timeoutS: number; readonly note: string; readonly options: string }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'stasis'; readonly app: string }
  | { readonly kind: 'park' }
  | { readonly kind: 'parkedcall'; readonly space: number }
  | { readonly kind: 'holding' }
  | { readonly kind: 'echo' }
  /** MusicOnHold(default) until hung up — the lab's exten 602. */
  | { readonly kind: 'moh' }
  /** Answer, Wait(seconds), Hangup(16) — the lab's exten 605. */
  | { readonly kind: 'timed'; readonly seconds: number }
  | { readonly kind: 'voicemail'; readonly mailbox: string }
  | { readonly kind: 'outbound'; readonly trunk: string; readonly number: string }
  /**
   * Goto(context,exten,1): the dialplan goes on elsewhere, as a FreePBX inbound route does to its
   * destination (`ext-group,600,1` for a ring group): the channel's context and exten change.
   */
  | { readonly kind: 'goto'; readonly context: string; readonly exten: string }

export interface PhoneSpec {
  readonly exten: string
  readonly name: string
  readonly device: string
  readonly registered: boolean
}

export interface QueueMemberSpec {
  readonly interface: string
  readonly name: string
  readonly stateInterface: string
  readonly penalty: number
}

export interface QueueSpec {
  readonly name: string
  readonly strategy: string
  readonly staticMembers: readonly QueueMemberSpec[]
  /** Members added at start as if by QueueAdd (office profile: logged-in agents). */
  readonly dynamicMembers: readonly QueueMemberSpec[]
  /** queues.conf `servicelevel` in seconds (0 when unset, as in the lab). */
  readonly serviceLevel?: number
}

export interface TrunkSpec {
  readonly name: string
  readonly tech: 'PJSIP' | 'IAX2'
  readonly inboundContext: string
  readonly dids: readonly string[]
}

export interface Profile {
  readonly id: 'office' | 'lab'
  readonly systemName: string
  readonly phones: readonly PhoneSpec[]
  readonly queues: readonly QueueSpec[]
  readonly trunks: readonly TrunkSpec[]
  readonly parking: { readonly name: string; readonly start: number; readonly stop: number; readonly timeoutS: number }
  readonly mailboxes: readonly string[]
  readonly internalContext: string
  /** Phones answer calls from the dialplan this long after ringing (lab: at once). */
  readonly phonesAutoAnswer: boolean
  route(context: string, exten: string): Route | undefined
}

export const OFFICE_INTERNAL_CONTEXT = 'from-internal'
export const OFFICE_TRUNK_CONTEXT = 'from-trunk'
/** FreePBX's ring group context (its extensions are the group numbers). */
export const RING_GROUP_CONTEXT = 'ext-group'
const RING_GROUP_600: Route = { kind: 'dial', targets: ['PJSIP/101', 'PJSIP/102', 'PJSIP/103'], timeoutS: 25, note: 'Ring group 600', options: 't' }

function officePhones(): PhoneSpec[] {
  const names = [
    'Reception', 'Anna Berger', 'Ben Cho', 'Carla Diaz', 'David Eze', 'Eva Fischer', 'Farid Gül', 'Greta Holm',
    'Hugo Ito', 'Ines Jovanović', 'Jonas Keller', 'Kira Lund', 'Luca Moretti', 'Mia Novak', 'Noah Olsen',
    'Olga Petrov', 'Paul Quinn', 'Rosa Silva', 'Sven Tanaka', 'Tara Uddin',
  ]
  return names.map((name, i) => {
    const exten = String(100 + i)
    // Two phones are unregistered so the console shows UNAVAILABLE devices.
    return { exten, name, device: `PJSIP/${exten}`, registered: exten !== '118' && exten !== '119' }
  })
}

function member(exten: string, name: string, penalty = 0): QueueMemberSpec {
  return { interface: `PJSIP/${exten}`, name, stateInterface: `PJSIP/${exten}`, penalty }
}

export function officeProfile(): Profile {
  const phones = officePhones()
  const phoneByExten = new Map(phones.map((p) => [p.exten, p]))
  const trunks: TrunkSpec[] = [
    { name: 'trunk', tech: 'PJSIP', inboundContext: OFFICE_TRUNK_CONTEXT, dids: ['4930555000', '4930555001', '4930555002'] },
    { name: 'peer', tech: 'IAX2', inboundContext: OFFICE_TRUNK_CONTEXT, dids: ['4930555100'] },
  ]
  return {
    id: 'office',
    systemName: 'demo',
    phones,
    queues: [
      {
        name: 'support',
        strategy: 'ringall',
        serviceLevel: 60,
        staticMembers: [member('101', 'Anna Berger'), member('102', 'Ben Cho')],
        dynamicMembers: [member('103', 'Carla Diaz', 1), member('104', 'David Eze', 2)],
      },
      {
        name: 'sales',
        strategy: 'rrmemory',
        serviceLevel: 30,
        staticMembers: [member('105', 'Eva Fischer')],
        dynamicMembers: [member('106', 'Farid Gül'), member('107', 'Greta Holm')],
      },
    ],
    trunks,
    parking: { name: 'default', start: 701, stop: 720, timeoutS: 120 },
    mailboxes: phones.map((p) => p.exten),
    internalContext: OFFICE_INTERNAL_CONTEXT,
    phonesAutoAnswer: false,
    route(context, exten) {
      if (context === OFFICE_TRUNK_CONTEXT) {
        if (exten === '4930555000') return { kind: 'queue', queue: 'support' }
        if (exten === '4930555001') return { kind: 'queue', queue: 'sales' }
        if (exten === '4930555002') return { kind: 'dial', targets: ['PJSIP/100'], timeoutS: 30, note: 'Reception', options: 't' }
        if (exten === '4930555100') return { kind: 'goto', context: RING_GROUP_CONTEXT, exten: '600' }
        if (/^49305551[01]\d$/.test(exten)) {
          const ext = exten.slice(-3)
          if (phoneByExten.has(ext)) return { kind: 'dial', targets: [`PJSIP/${ext}`], timeoutS: 30, note: `DID ${exten}`, options: 't' }
        }
        return undefined
      }
      // FreePBX's ring groups: an inbound route's Goto lands here; phones reach 600 through an
      // include of this context, so their channels stay in their own context (below).
      if (context === RING_GROUP_CONTEXT) return exten === '600' ? RING_GROUP_600 : undefined
      if (context !== OFFICE_INTERNAL_CONTEXT) return undefined
      if (phoneByExten.has(exten)) return { kind: 'dial', targets: [`PJSIP/${exten}`], timeoutS: 30, note: `Extension ${exten}`, options: 'tT' }
      if (exten === '200') return { kind: 'queue', queue: 'support' }
      if (exten === '201') return { kind: 'queue', queue: 'sales' }
      if (exten === '600') return RING_GROUP_600
      if (exten === '700') return { kind: 'park' }
      const space = Number(exten)
      if (space >= 701 && space <= 720) return { kind: 'parkedcall', space }
      if (exten === '900') return { kind: 'holding' }
      if (exten === '901') return { kind: 'echo' }
      const vm = /^\*(1\d\d)$/.exec(exten)
      if (vm?.[1] !== undefined && phoneByExten.has(vm[1])) return { kind: 'voicemail', mailbox: vm[1] }
      const out = /^0(\d{3,15})$/.exec(exten)
      if (out?.[1] !== undefined) return { kind: 'outbound', trunk: 'trunk', number: out[1] }
      return undefined
    },
  }
}

function labMember(exten: string): QueueMemberSpec {
  return { interface: `Local/${exten}@lab/n`, name: `Agent ${exten}`, stateInterface: `Local/${exten}@lab`, penalty: 0 }
}

export function labProfile(): Profile {
  const phones: PhoneSpec[] = ['100', '101', '102', '103', '104', '105'].map((exten) => ({
    exten,
    name: `Phone ${exten}`,
    device: `Local/${exten}@lab`,
    registered: true,
  }))
  return {
    id: 'lab',
    systemName: 'lab',
    phones,
    queues: [
      // Static members listed in the order QueueStatus printed them (102 before 101).
      { name: 'support', strategy: 'ringall', staticMembers: [labMember('102'), labMember('101')], dynamicMembers: [] },
      { name: 'sales', strategy: 'rrmemory', staticMembers: [], dynamicMembers: [] },
    ],
    trunks: [{ name: 'peer', tech: 'IAX2', inboundContext: 'from-peer', dids: ['4930555000'] }],
    parking: { name: 'default', start: 701, stop: 720, timeoutS: 120 },
    mailboxes: ['100', '101', '102', '103', '104', '105'],
    internalContext: 'lab',
    phonesAutoAnswer: true,
    route(context, exten) {
      if (context === 'from-peer') return { kind: 'dial', targets: ['Local/100@lab'], timeoutS: 30, note: 'DID to phone 100', options: 'tT' }
      if (context !== 'lab') return undefined
      if (/^10[0-5]$/.test(exten)) return { kind: 'phone', exten }
      const dial = /^30([0-5])$/.exec(exten)
      if (dial?.[1] !== undefined) {
        return { kind: 'dial', targets: [`Local/10${dial[1]}@lab`], timeoutS: 30, note: `Dialing phone 10${dial[1]}`, options: 'tT' }
      }
      if (exten === '200') return { kind: 'queue', queue: 'support' }
      if (exten === '400') return { kind: 'stasis', app: 'console' }
      if (exten === '600') return { kind: 'echo' }
      if (exten === '602') return { kind: 'moh' }
      if (exten === '605') return { kind: 'timed', seconds: 2 }
      if (exten === '900') return { kind: 'holding' }
      const space = Number(exten)
      if (space >= 701 && space <= 720) return { kind: 'parkedcall', space }
      return undefined
    },
  }
}
