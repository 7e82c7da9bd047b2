import type { ConfigDestination, ConfigFieldDescriptor, QueueMember, RingStrategy } from '../../../../src-preload/types/config'
import type { DestinationNames } from './destinations'
import { STRATEGY_WORDS } from './kinds'

/** An editor's values, field by field (each kind's values object, read generically by its descriptor). */
export type FieldValues = Readonly<Record<string, unknown>>

const isDestination = (v: unknown): v is ConfigDestination => typeof v === 'object' && v !== null && 'type' in v
const isMember = (v: unknown): v is QueueMember => typeof v === 'object' && v !== null && 'extension' in v

/** A field's value in words, as the conflict dialog and the unsaved-changes list show it. */
export function showValue(field: ConfigFieldDescriptor, value: unknown, names: DestinationNames): string {
  if (value === undefined || value === null) return '—'
  switch (field.type) {
    case 'boolean':
      return value === true ? 'Yes' : 'No'
    case 'destination':
      return isDestination(value) ? names.label(value) : '—'
    case 'numberList':
      return Array.isArray(value) && value.length > 0
        ? value.map((m) => (typeof m === 'string' ? names.label({ type: 'extension', extension: m }) : '?')).join(', ')
        : 'none'
    case 'members':
      return Array.isArray(value) && value.length > 0
        ? value
            .map((m) =>
              isMember(m)
                ? `${names.label({ type: 'extension', extension: m.extension })}${m.penalty > 0 ? ` (penalty ${String(m.penalty)})` : ''}`
                : '?',
            )
            .join(', ')
        : 'none'
    case 'enum':
      if (typeof value !== 'string') return '—'
      if (field.name === 'strategy' && value in STRATEGY_WORDS) return STRATEGY_WORDS[value as RingStrategy]
      return field.name === 'tech' ? value.toUpperCase() : value
    case 'secret':
      return '••••••'
    case 'text':
    case 'pattern':
    case 'number':
      return value === '' ? '(empty)' : typeof value === 'number' || typeof value === 'string' ? String(value) : '—'
  }
}

/** Two values of a field are the same (lists and destinations compared by content). */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The fields whose value differs between two sets of values (secrets are never compared). */
export function changedFields(fields: readonly ConfigFieldDescriptor[], a: FieldValues, b: FieldValues): ConfigFieldDescriptor[] {
  return fields.filter((f) => f.type !== 'secret' && !sameValue(a[f.name], b[f.name]))
}
