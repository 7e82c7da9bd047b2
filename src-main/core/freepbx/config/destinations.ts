/**
 * Typed destinations ↔ FreePBX's `context,exten,priority` (the destination registry's strings) and
 * back from the labels `allInboundRoutes` gives instead of the raw string (`destinationConnection`,
 * `<category>:<description>`, freepbx-api.md §3.6). Nothing raw crosses the contract.
 */
import type { ConfigDestination, VoicemailGreeting } from '../../../../src-preload/types/config'

const GREETING_CODE: Readonly<Record<VoicemailGreeting, string>> = { busy: 'b', unavailable: 'u', noMessage: 's', instructions: 'i' }
const CODE_GREETING: Readonly<Record<string, VoicemailGreeting>> = { b: 'busy', u: 'unavailable', s: 'noMessage', i: 'instructions' }

/** The registry string FreePBX takes; undefined for `unknown` (nothing to send). */
export function toFreepbx(d: ConfigDestination): string | undefined {
  switch (d.type) {
    case 'extension':
      return `from-did-direct,${d.extension},1`
    case 'ringGroup':
      return `ext-group,${d.group},1`
    case 'queue':
      return `ext-queues,${d.queue},1`
    case 'voicemail':
      return `ext-local,vm${GREETING_CODE[d.greeting]}${d.extension},1`
    case 'ivr':
      return `ivr-${d.ivr},s,1`
    case 'callFlow':
      return `app-daynight,${d.toggle},1`
    case 'hangup':
      return 'app-blackhole,hangup,1'
    case 'busy':
      return 'app-blackhole,busy,1'
    case 'congestion':
      return 'app-blackhole,congestion,1'
    default:
      return undefined
  }
}

/** A registry string as a typed destination (`unknown` with the string as label when not one of ours). */
export function fromFreepbx(raw: string): ConfigDestination {
  const [context = '', exten = ''] = raw.split(',')
  let m: RegExpExecArray | null
  if (context === 'from-did-direct' && /^\d+$/.test(exten)) return { type: 'extension', extension: exten }
  if (context === 'ext-group' && /^\d+$/.test(exten)) return { type: 'ringGroup', group: exten }
  if (context === 'ext-queues' && /^\d+$/.test(exten)) return { type: 'queue', queue: exten }
  if (context === 'ext-local' && (m = /^vm([busi])(\d+)$/.exec(exten)) !== null) {
    const greeting = CODE_GREETING[m[1] ?? '']
    if (greeting !== undefined && m[2] !== undefined) return { type: 'voicemail', extension: m[2], greeting }
  }
  if ((m = /^ivr-(\d+)$/.exec(context)) !== null && m[1] !== undefined) return { type: 'ivr', ivr: m[1] }
  if (context === 'app-blackhole' && (exten === 'hangup' || exten === 'busy' || exten === 'congestion')) return { type: exten }
  if (context === 'app-daynight' && /^\d{1,3}$/.test(exten)) return { type: 'callFlow', toggle: exten }
  return { type: 'unknown', label: raw === '' ? 'none' : raw }
}

const LABEL_GREETING: Readonly<Record<string, VoicemailGreeting>> = {
  busy: 'busy',
  unavail: 'unavailable',
  'no-msg': 'noMessage',
  'instructions-only': 'instructions',
}

/** `destinationConnection` (`Extensions:<101> Alice`, `Ring Groups:600 Sales`, `Terminate Call:Hangup` …). */
export function fromLabel(label: string | undefined): ConfigDestination {
  if (label === undefined || label === '') return { type: 'unknown', label: 'FreePBX did not name it' }
  const colon = label.indexOf(':')
  const category = colon < 0 ? '' : label.slice(0, colon).trim()
  const description = colon < 0 ? label : label.slice(colon + 1).trim()
  const bracketed = /^<(\d+)>/.exec(description)?.[1]
  const leading = /^(\d+)\b/.exec(description)?.[1]
  if (category === 'Extensions' && bracketed !== undefined) return { type: 'extension', extension: bracketed }
  if (category === 'Ring Groups' && leading !== undefined) return { type: 'ringGroup', group: leading }
  if (category === 'Queues' && leading !== undefined) return { type: 'queue', queue: leading }
  if (category === 'Voicemail' && bracketed !== undefined) {
    const greeting = LABEL_GREETING[/\(([^)]+)\)\s*$/.exec(description)?.[1] ?? '']
    if (greeting !== undefined) return { type: 'voicemail', extension: bracketed, greeting }
  }
  // The daynight module's registry: `Call Flow Control:<n> <description>`.
  if (category === 'Call Flow Control' && leading !== undefined && leading.length <= 3) {
    const name = description.slice(leading.length).trim().slice(0, 100)
    return name === '' ? { type: 'callFlow', toggle: leading } : { type: 'callFlow', toggle: leading, name }
  }
  if (category === 'Terminate Call') {
    const word = description.toLowerCase()
    if (word === 'hangup') return { type: 'hangup' }
    if (word === 'busy') return { type: 'busy' }
    if (word === 'congestion') return { type: 'congestion' }
  }
  return { type: 'unknown', label }
}
