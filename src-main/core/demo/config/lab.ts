/**
 * The `lab` profile: the capture lab's configuration (README of test/fixtures/asterisk). The
 * fidelity tests replay the captured scenarios against it.
 */
import type { PhoneSpec, Profile, QueueMemberSpec } from './profile'

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
