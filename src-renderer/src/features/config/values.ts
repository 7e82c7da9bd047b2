import {
  ringStrategies,
  type ConfigDestination,
  type ConfigFieldDescriptor,
  type QueueMember,
  type RingStrategy,
} from '../../../../src-preload/types/config'
import type { DestinationNames } from './destinations'
import { tr } from '../../i18n'
import { strings as commonStrings } from '../../../../src-preload/i18n/strings/common'
import { strategyWords } from './kinds'
import { strings } from './strings'

const t = tr(strings)
const common = tr(commonStrings)
const isStrategy = (v: string): v is RingStrategy => (ringStrategies as readonly string[]).includes(v)

/** An editor's values, field by field (each kind's values object, read generically by its descriptor). */
export type FieldValues = Readonly<Record<string, unknown>>

const isDestination = (v: unknown): v is ConfigDestination => typeof v === 'object' && v !== null && 'type' in v
const isMember = (v: unknown): v is QueueMember => typeof v === 'object' && v !== null && 'extension' in v

/** A field's value in words, as the conflict dialog and the unsaved-changes list show it. */
export function showValue(field: ConfigFieldDescriptor, value: unknown, names: DestinationNames): string {
  if (value === undefined || value === null) return '—'
  switch (field.type) {
    case 'boolean':
      return value === true ? common('yes') : common('no')
    case 'destination':
      return isDestination(value) ? names.label(value) : '—'
    case 'numberList':
      return Array.isArray(value) && value.length > 0
        ? value.map((m) => (typeof m === 'string' ? names.label({ type: 'extension', extension: m }) : '?')).join(', ')
        : t('value.none')
    case 'members':
      return Array.isArray(value) && value.length > 0
        ? value
            .map((m) =>
              isMember(m)
                ? m.penalty > 0
                  ? t('value.penalty', { name: names.label({ type: 'extension', extension: m.extension }), penalty: m.penalty })
                  : names.label({ type: 'extension', extension: m.extension })
                : '?',
            )
            .join(', ')
        : t('value.none')
    case 'enum':
      if (typeof value !== 'string') return '—'
      if (field.name === 'strategy' && isStrategy(value)) return strategyWords(value)
      return field.name === 'tech' ? value.toUpperCase() : value
    case 'secret':
      return '••••••'
    case 'text':
    case 'pattern':
    case 'number':
      return value === '' ? t('value.empty') : typeof value === 'number' || typeof value === 'string' ? String(value) : '—'
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
