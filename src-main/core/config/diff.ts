/**
 * Field-by-field differences between two versions of an object, as the pending-changes tray and
 * the audit show them. Secrets never appear: a secret that changes is one line "(changed)".
 */
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings as callFlowStrings } from '../../../src-preload/i18n/strings/call-flow'
import { callFlowWords, type ConfigDestination, type ConfigFieldDiff, type ConfigKind, type QueueMember } from '../../../src-preload/types/config'
import { fieldLabel } from './descriptors'

/** How a destination reads in a diff ("Ring group 600", "Hang up"). */
export function destinationWords(d: ConfigDestination): string {
  switch (d.type) {
    case 'extension':
      return `Extension ${d.extension}`
    case 'ringGroup':
      return `Ring group ${d.group}`
    case 'queue':
      return `Queue ${d.queue}`
    case 'voicemail':
      return `Voicemail ${d.extension} (${d.greeting})`
    case 'ivr':
      return `IVR ${d.ivr}`
    case 'hangup':
      return 'Hang up'
    case 'busy':
      return 'Busy signal'
    case 'congestion':
      return 'Congestion signal'
    case 'callFlow':
      // The audit's record: English whatever the console's language, like the other destinations here.
      return callFlowWords(d.toggle, d.name, inEnglish(callFlowStrings))
    default:
      return d.label
  }
}

function isDestination(v: unknown): v is ConfigDestination {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && typeof (v as { type?: unknown }).type === 'string'
}

function isMember(v: unknown): v is QueueMember {
  return v !== null && typeof v === 'object' && typeof (v as { extension?: unknown }).extension === 'string'
}

/** One value in words. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (Array.isArray(value))
    return value.map((x) => (isMember(x) ? (x.penalty === 0 ? x.extension : `${x.extension} (penalty ${String(x.penalty)})`) : shown(x))).join(', ')
  if (isDestination(value)) return destinationWords(value)
  return JSON.stringify(value)
}

/**
 * The fields whose shown value differs. `before` undefined: a creation (every non-empty field);
 * `after` undefined: a removal. `secretsChanged` lists write-only fields the change sets.
 */
export function diffValues(
  kind: ConfigKind,
  before: object | undefined,
  after: object | undefined,
  secretsChanged: readonly string[] = [],
): ConfigFieldDiff[] {
  const b = (before ?? {}) as Record<string, unknown>
  const a = (after ?? {}) as Record<string, unknown>
  const out: ConfigFieldDiff[] = []
  for (const field of new Set([...Object.keys(b), ...Object.keys(a)])) {
    const was = shown(b[field])
    const now = shown(a[field])
    if (was === now) continue
    if (before === undefined && now === '') continue
    out.push({
      field,
      label: fieldLabel(kind, field),
      ...(before === undefined ? {} : { before: was }),
      ...(after === undefined ? {} : { after: now }),
    })
  }
  for (const field of secretsChanged) out.push({ field, label: fieldLabel(kind, field), after: '(changed)', secret: true })
  return out
}

/** A diff in one line for the audit (clipped there to its bound): `Name: Bob → Robert; Voicemail PIN: (changed)`. */
export function diffLine(diff: readonly ConfigFieldDiff[]): string {
  return diff
    .map((d) =>
      d.secret === true
        ? `${d.label}: (changed)`
        : d.before === undefined
          ? `${d.label}: ${d.after ?? ''}`
          : `${d.label}: ${d.before || '(empty)'} → ${d.after ?? '(removed)'}`,
    )
    .join('; ')
}
