import type { ConfigFieldDescriptor, ConfigFieldErrors } from '../../../../src-preload/types/config'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * What the editor can tell while the admin types, from the field's description alone (required,
 * length, range, one of the options). FreePBX's own rules (numbers in use, DID patterns,
 * destinations that exist) are main's: they come back per field from a save, beside the same
 * fields. Nothing here replaces main's checks; it only saves a round trip for the obvious.
 */
export function checkField(field: ConfigFieldDescriptor, value: unknown): string | undefined {
  if (field.readOnly === true) return undefined
  switch (field.type) {
    case 'text':
    case 'pattern':
    case 'secret': {
      const text = typeof value === 'string' ? value : ''
      if (field.required && field.type !== 'secret' && text.trim() === '') return t('check.required')
      if (field.maxLength !== undefined && text.length > field.maxLength) return t('check.maxLength', { max: fmt().number(field.maxLength) })
      return undefined
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isInteger(value)) return t('check.whole')
      if (field.min !== undefined && value < field.min) return rangeWords(field)
      if (field.max !== undefined && value > field.max) return rangeWords(field)
      return undefined
    }
    case 'enum':
      return typeof value === 'string' && (field.options ?? []).includes(value) ? undefined : t('check.choose')
    case 'numberList':
      return field.required && (!Array.isArray(value) || value.length === 0) ? t('check.addOne') : undefined
    case 'boolean':
    case 'destination':
    case 'members':
      return undefined
  }
}

function rangeWords(field: ConfigFieldDescriptor): string {
  const n = (x: number): string => fmt().number(x)
  if (field.min !== undefined && field.max !== undefined) return t('check.between', { min: n(field.min), max: n(field.max) })
  return field.min !== undefined ? t('check.atLeast', { min: n(field.min) }) : t('check.atMost', { max: n(field.max ?? 0) })
}

/** Every field's local check for a set of values (secrets typed apart from them). */
export function checkFields(
  fields: readonly ConfigFieldDescriptor[],
  values: Readonly<Record<string, unknown>>,
  secrets: Readonly<Record<string, string>>,
): ConfigFieldErrors {
  const errors: Record<string, string> = {}
  for (const field of fields) {
    const value = field.type === 'secret' ? secrets[field.name] : values[field.name]
    const error = checkField(field, value)
    if (error !== undefined) errors[field.name] = error
  }
  return errors
}

/**
 * The message beside a field: main's answer for it while the field still holds what main judged
 * (it is dropped once the field changes), else the local check's.
 */
export function fieldMessage(name: string, local: ConfigFieldErrors, fromMain: ConfigFieldErrors): string | undefined {
  return fromMain[name] ?? local[name]
}
