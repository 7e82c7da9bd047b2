/**
 * The `office` profile, the default demo: a FreePBX-like office (PJSIP phones 100–119, queues
 * support and sales, ring group 600, parking 700/701–720, voicemail, a PJSIP and an IAX2 trunk).
 */
import type { PhoneSpec, Profile, QueueMemberSpec, Route, TrunkSpec } from './profile'

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
