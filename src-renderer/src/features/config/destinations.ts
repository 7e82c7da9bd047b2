import { type ConfigDestination, type DestinationOption, type DestinationType, type VoicemailGreeting } from '../../../../src-preload/types/config'
import { tr } from '../../i18n'
import { searchTerms } from './list-query'
import { strings } from './strings'

const t = tr(strings)

/** One string per destination, to find it among the picker's options and compare two. */
export function destinationKey(d: ConfigDestination): string {
  switch (d.type) {
    case 'extension':
      return `extension:${d.extension}`
    case 'ringGroup':
      return `ringGroup:${d.group}`
    case 'queue':
      return `queue:${d.queue}`
    case 'voicemail':
      return `voicemail:${d.extension}:${d.greeting}`
    case 'ivr':
      return `ivr:${d.ivr}`
    case 'callFlow':
      // The toggle is its number; its name is only how FreePBX described it.
      return `callFlow:${d.toggle}`
    case 'unknown':
      return `unknown:${d.label}`
    case 'hangup':
    case 'busy':
    case 'congestion':
      return d.type
  }
}

export const sameDestination = (a: ConfigDestination, b: ConfigDestination): boolean => destinationKey(a) === destinationKey(b)

const greetingWords = (greeting: VoicemailGreeting): string => t(`greeting.${greeting}`)

/** What the picker's type groups are called, in the order it lists them (read in the current language). */
export const DESTINATION_TYPES: readonly { readonly type: DestinationType; readonly label: () => string }[] = [
  { type: 'extension', label: () => t('dest.extension') },
  { type: 'ringGroup', label: () => t('dest.ringGroup') },
  { type: 'queue', label: () => t('dest.queue') },
  { type: 'voicemail', label: () => t('dest.voicemail') },
  { type: 'ivr', label: () => t('dest.ivr') },
  { type: 'callFlow', label: () => t('dest.callFlow') },
  { type: 'hangup', label: () => t('dest.hangup') },
  { type: 'busy', label: () => t('dest.busy') },
  { type: 'congestion', label: () => t('dest.congestion') },
]

/**
 * How a destination reads when the PBX's own name is not at hand (an object the picker does not
 * list: deleted meanwhile, or not loaded yet): its kind and number.
 */
export function fallbackLabel(d: ConfigDestination): string {
  switch (d.type) {
    case 'extension':
      return t('destLabel.extension', { number: d.extension })
    case 'ringGroup':
      return t('destLabel.ringGroup', { number: d.group })
    case 'queue':
      return t('destLabel.queue', { number: d.queue })
    case 'voicemail':
      return t('destLabel.voicemail', { number: d.extension, greeting: greetingWords(d.greeting) })
    case 'ivr':
      return t('destLabel.ivr', { number: d.ivr })
    case 'callFlow':
      return d.name === undefined || d.name === ''
        ? t('destLabel.callFlow', { number: d.toggle })
        : t('destLabel.callFlowNamed', { number: d.toggle, name: d.name })
    case 'hangup':
      return t('dest.hangup')
    case 'busy':
      return t('dest.busy')
    case 'congestion':
      return t('dest.congestion')
    case 'unknown':
      return d.label
  }
}

/** The picker's options by key, for naming a destination the way the PBX names it. */
export class DestinationNames {
  private readonly byKey: ReadonlyMap<string, string>

  constructor(readonly options: readonly DestinationOption[]) {
    this.byKey = new Map(options.map((o) => [destinationKey(o.destination), o.label]))
  }

  label(d: ConfigDestination): string {
    return this.byKey.get(destinationKey(d)) ?? fallbackLabel(d)
  }

  /** Whether the PBX listed this destination (an unlisted one may have been deleted). */
  known(d: ConfigDestination): boolean {
    return d.type === 'hangup' || d.type === 'busy' || d.type === 'congestion' || this.byKey.has(destinationKey(d))
  }
}

/**
 * Words a type-ahead also finds an option by: its type's name ("queue", "voicemail", "ivr"), in the
 * shown language and in English (an admin who learnt FreePBX's English words still finds by them).
 */
function typeWords(d: ConfigDestination): string {
  const type = DESTINATION_TYPES.find((x) => x.type === d.type)?.label() ?? ''
  return `${type} ${ENGLISH_TYPE_WORDS[d.type] ?? ''}`
}

const ENGLISH_TYPE_WORDS: Readonly<Partial<Record<DestinationType, string>>> = {
  extension: 'Extension',
  ringGroup: 'Ring group',
  queue: 'Queue',
  voicemail: 'Voicemail',
  ivr: 'IVR',
  callFlow: 'Call flow (day/night)',
  hangup: 'Hang up hangup',
  busy: 'Busy tone',
  congestion: 'Congestion tone',
}

/**
 * The options a type-ahead shows for `text`: every word must appear in the option's label or its
 * type's name; options whose label starts with the text come first ("10" → 10, 100, 101 before 210),
 * then in the PBX's order. At most `limit`.
 */
export function matchDestinations(options: readonly DestinationOption[], text: string, limit = 50): DestinationOption[] {
  const terms = searchTerms(text)
  if (terms.length === 0) return options.slice(0, limit)
  const first: DestinationOption[] = []
  const rest: DestinationOption[] = []
  const head = text.trim().toLowerCase()
  for (const o of options) {
    const label = o.label.toLowerCase()
    const hay = `${label} ${typeWords(o.destination).toLowerCase()}`
    if (!terms.every((t) => hay.includes(t))) continue
    if (label.startsWith(head)) first.push(o)
    else rest.push(o)
    if (first.length >= limit) break
  }
  return [...first, ...rest].slice(0, limit)
}
