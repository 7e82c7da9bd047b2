import type { LiveState } from '../../../../src-preload/types/live'
import { cleanCid } from '../../live/format'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Digits only, for comparing numbers written differently (`+49 30 123`, `004930123`). */
const digitsOf = (n: string): string => n.replace(/[^0-9]/g, '')

/**
 * Who a number belongs to, from what the console knows without asking anyone: an extension of the
 * PBX (its name as its calls show it), or a caller the live calls name. Undefined when unknown;
 * `lookup` adds another source (the phonebook) first.
 */
export function whoIs(number: string, state: LiveState, lookup?: (number: string) => string | undefined): string | undefined {
  const fromLookup = lookup?.(number)
  if (fromLookup !== undefined && fromLookup !== '') return fromLookup
  const digits = digitsOf(number)
  if (digits === '') return undefined
  const named = (num: string, name: string): boolean =>
    digitsOf(cleanCid(num)) === digits && cleanCid(name) !== '' && cleanCid(name) !== cleanCid(num)
  for (const ch of Object.values(state.channels)) {
    if (named(ch.callerNum, ch.callerName)) return ch.callerName
    if (named(ch.connectedNum, ch.connectedName)) return ch.connectedName
  }
  if (state.extensions[number] !== undefined) return t('extension', { number })
  return undefined
}
