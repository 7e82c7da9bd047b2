/**
 * FreePBX's rules for each kind, checked in main before anything is sent, answered per field in
 * words an admin understands (in the user's language). Pure: what exists on the PBX comes in `ValidationContext`.
 */
import type {
  ConfigDestination,
  ConfigFieldErrors,
  ConfigKind,
  ConfigValuesByKind,
  DestinationOption,
  ExtensionValues,
  InboundRouteValues,
  QueueMember,
  QueueMembersValues,
  RingGroupValues,
  VoicemailValues,
} from '../../../src-preload/types/config'
import type { SecretsByKind } from './backend'
import { mainFormat, say } from '../i18n'
import { LIMITS } from './descriptors'
import { strings } from './strings'

const t = say(strings)
const n = (x: number): string => mainFormat().number(x)

export interface ValidationContext {
  readonly operation: 'create' | 'update'
  /** Numbers in use by extensions, ring groups and queues (one dial plan), and what uses each. */
  readonly usedNumbers: ReadonlyMap<string, NumberUser>
  readonly extensions: ReadonlySet<string>
  /** Existing inbound routes by `did/cid`. */
  readonly inboundRoutes: ReadonlySet<string>
  /** Destinations that exist on the PBX now. */
  readonly destinations: readonly DestinationOption[]
  /** The object as read before this change (update), to allow keeping what is already there. */
  readonly current?: unknown
  /** Update of a voicemail box that has a PIN now. */
  readonly hasPin?: boolean
}

/** What uses a number: named in the refusal, in the admin's language ("extension 101 Anna"). */
export interface NumberUser {
  readonly kind: 'extension' | 'ringGroup' | 'queue'
  readonly name?: string
}

const DIGITS = /^\d+$/
/** Dial-pattern characters after the leading `_`: digits, A–D, X Z N, `.` `!`, ranges and `* # +`. */
const PATTERN = /^_[0-9A-DXZN*#+.![\]-]+$/
const DID_PLAIN = /^\+?[0-9A-D*#]+$/
const CID_PLAIN = /^[0-9A-D*#]+$/
/** FreePBX accepts these words as a caller ID match (core's did page). */
const CID_WORDS = new Set(['Private', 'Blocked', 'Unknown', 'Restricted', 'Anonymous', 'Unavailable'])
const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/
const PIN = /^\d+$/

export function checkDid(did: string): string | undefined {
  if (did === '' || DID_PLAIN.test(did) || PATTERN.test(did)) return undefined
  if (did.startsWith('_')) return t('v.patternChars')
  return t('v.didChars')
}

export function checkCid(cid: string): string | undefined {
  if (cid === '' || CID_PLAIN.test(cid) || PATTERN.test(cid) || CID_WORDS.has(cid)) return undefined
  if (cid.startsWith('_')) return t('v.patternChars')
  return t('v.cidChars')
}

function checkEmail(value: string): string | undefined {
  return value === '' || EMAIL.test(value) ? undefined : t('v.email')
}

function checkRange(value: number, limits: { readonly min: number; readonly max: number }, unit: 'seconds' | '' = ''): string | undefined {
  if (Number.isInteger(value) && value >= limits.min && value <= limits.max) return undefined
  const range = { min: n(limits.min), max: n(limits.max) }
  return unit === 'seconds' ? t('v.rangeSeconds', range) : t('v.range', range)
}

/** `notDigits`: the refusal of a number that is not all digits ("the extension number must be digits only"). */
function checkNewNumber(number: string, ctx: ValidationContext, notDigits: string): string | undefined {
  if (!DIGITS.test(number)) return notDigits
  if (ctx.operation === 'create') {
    const user = ctx.usedNumbers.get(number)
    if (user !== undefined) return usedBy(number, user)
  }
  return undefined
}

function usedBy(number: string, user: NumberUser): string {
  if (user.kind === 'ringGroup') return t('v.usedByRingGroup', { number })
  if (user.kind === 'queue') return t('v.usedByQueue', { number })
  const name = user.name?.trim() ?? ''
  return name === '' ? t('v.usedByExtension', { number }) : t('v.usedByNamedExtension', { number, name })
}

export function sameDestination(a: ConfigDestination, b: ConfigDestination): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

function canonical(d: ConfigDestination): unknown {
  // A call-flow toggle is its number: the name is only how FreePBX described it.
  const plain = d.type === 'callFlow' ? { type: d.type, toggle: d.toggle } : d
  return Object.fromEntries(Object.entries(plain).sort(([x], [y]) => x.localeCompare(y)))
}

/** Why a destination cannot be used, or undefined. `kept` is the object's current destination. */
export function checkDestination(d: ConfigDestination, ctx: ValidationContext, kept: ConfigDestination | undefined): string | undefined {
  if (d.type === 'unknown') {
    return kept !== undefined && sameDestination(d, kept) ? undefined : t('v.chooseDestination')
  }
  if (ctx.destinations.some((o) => sameDestination(o.destination, d))) return undefined
  switch (d.type) {
    case 'extension':
      return t('v.noExtension', { number: d.extension })
    case 'ringGroup':
      return t('v.noRingGroup', { number: d.group })
    case 'queue':
      return t('v.noQueue', { number: d.queue })
    case 'voicemail':
      return t('v.noMailbox', { number: d.extension })
    case 'ivr':
      return t('v.noIvr', { number: d.ivr })
    case 'callFlow':
      return t('v.noCallFlow', { number: d.toggle })
    default:
      return t('v.noDestination')
  }
}

type Errors = Record<string, string>
const put = (errors: Errors, field: string, message: string | undefined): void => {
  if (message !== undefined && errors[field] === undefined) errors[field] = message
}

/** `missing`: the refusal of an empty value ("a display name is required"). */
function required(errors: Errors, field: string, value: string, missing: string): void {
  if (value.trim() === '') put(errors, field, missing)
}

function extension(v: ExtensionValues, s: SecretsByKind['extension'], ctx: ValidationContext): Errors {
  const e: Errors = {}
  put(e, 'extension', checkNewNumber(v.extension, ctx, t('v.extensionDigits')))
  required(e, 'name', v.name, t('v.nameRequired'))
  // A range's {n} can make a name longer than the one typed.
  if (v.name.length > LIMITS.displayName.maxLength) put(e, 'name', t('v.atMostChars', { max: n(LIMITS.displayName.maxLength) }))
  put(e, 'email', checkEmail(v.email))
  if (v.emergencyCid !== '' && !/^\+?\d+$/.test(v.emergencyCid)) put(e, 'emergencyCid', t('v.emergencyDigits'))
  put(e, 'maxContacts', checkRange(v.maxContacts, LIMITS.maxContacts))
  const before = ctx.current as ExtensionValues | undefined
  const pin = s.voicemailPin
  if (pin !== undefined && pin !== '') put(e, 'voicemailPin', checkPin(pin))
  if (v.voicemail && before?.voicemail !== true && (pin === undefined || pin === '')) put(e, 'voicemailPin', t('v.newMailboxPin'))
  // addExtension refuses umEnable without umPassword (Extensions.php).
  if (v.userManager && before?.userManager !== true && (s.userManagerPassword ?? '') === '') {
    put(e, 'userManagerPassword', t('v.userManagerPassword'))
  }
  return e
}

function checkPin(pin: string): string | undefined {
  if (!PIN.test(pin)) return t('v.digitsOnly')
  if (pin.length < LIMITS.pin.minLength || pin.length > LIMITS.pin.maxLength)
    return t('v.pinLength', { min: n(LIMITS.pin.minLength), max: n(LIMITS.pin.maxLength) })
  return undefined
}

function ringGroup(v: RingGroupValues, ctx: ValidationContext): Errors {
  const e: Errors = {}
  put(e, 'group', checkNewNumber(v.group, ctx, t('v.groupDigits')))
  required(e, 'description', v.description, t('v.descriptionRequired'))
  if (v.members.length === 0) put(e, 'members', t('v.addMember'))
  const seen = new Set<string>()
  for (const m of v.members) {
    if (!/^\d+#?$/.test(m)) put(e, 'members', t('v.memberShape', { member: m || t('v.empty') }))
    else if (!m.endsWith('#') && !ctx.extensions.has(m)) put(e, 'members', t('v.noExtension', { number: m }))
    else if (seen.has(m)) put(e, 'members', t('v.listedTwice', { member: m }))
    seen.add(m)
  }
  put(e, 'ringTime', checkRange(v.ringTime, LIMITS.ringTime, 'seconds'))
  if (v.noAnswer.type === 'ringGroup' && v.noAnswer.group === v.group) put(e, 'noAnswer', t('v.groupToItself'))
  put(e, 'noAnswer', checkDestination(v.noAnswer, ctx, (ctx.current as RingGroupValues | undefined)?.noAnswer))
  return e
}

function inboundRoute(v: InboundRouteValues, ctx: ValidationContext): Errors {
  const e: Errors = {}
  put(e, 'did', checkDid(v.did))
  put(e, 'cid', checkCid(v.cid))
  const before = ctx.current as InboundRouteValues | undefined
  const id = `${v.did}/${v.cid}`
  const renamed = before === undefined || `${before.did}/${before.cid}` !== id
  if (renamed && ctx.inboundRoutes.has(id)) {
    put(e, 'did', v.did === '' && v.cid === '' ? t('v.anyRouteExists') : t('v.routeExists'))
  }
  put(e, 'destination', checkDestination(v.destination, ctx, before?.destination))
  put(e, 'delayAnswer', checkRange(v.delayAnswer, LIMITS.delayAnswer, 'seconds'))
  return e
}

function voicemail(v: VoicemailValues, s: SecretsByKind['voicemail'], ctx: ValidationContext): Errors {
  const e: Errors = {}
  if (!ctx.extensions.has(v.extension)) put(e, 'extension', t('v.noExtension', { number: v.extension }))
  if (!v.enabled) return e
  put(e, 'email', checkEmail(v.email))
  put(e, 'pager', checkEmail(v.pager))
  if (s.pin !== undefined && s.pin !== '') put(e, 'pin', checkPin(s.pin))
  else if (ctx.hasPin !== true) put(e, 'pin', t('v.newMailboxPin'))
  if (v.deleteAfterEmail && !v.attach) put(e, 'deleteAfterEmail', t('v.attachFirst'))
  if (v.deleteAfterEmail && v.email === '') put(e, 'deleteAfterEmail', t('v.needsEmail'))
  return e
}

function members(e: Errors, field: string, list: readonly QueueMember[], ctx: ValidationContext): void {
  const seen = new Set<string>()
  for (const m of list) {
    if (!ctx.extensions.has(m.extension)) put(e, field, t('v.noExtension', { number: m.extension }))
    else if (seen.has(m.extension)) put(e, field, t('v.listedTwice', { member: m.extension }))
    put(e, field, checkRange(m.penalty, LIMITS.penalty) === undefined ? undefined : t('v.penalty', { member: m.extension }))
    seen.add(m.extension)
  }
}

function queueMembers(v: QueueMembersValues, ctx: ValidationContext): Errors {
  const e: Errors = {}
  members(e, 'staticMembers', v.staticMembers, ctx)
  members(e, 'dynamicMembers', v.dynamicMembers, ctx)
  members(e, 'loggedIn', v.loggedIn, ctx)
  return e
}

/** Per-field refusals of a change of `kind` (empty: it may be written). */
export function validateValues<K extends ConfigKind>(
  kind: K,
  values: ConfigValuesByKind[K],
  secrets: SecretsByKind[K],
  ctx: ValidationContext,
): ConfigFieldErrors {
  switch (kind) {
    case 'extension':
      return extension(values as ExtensionValues, secrets as SecretsByKind['extension'], ctx)
    case 'ringGroup':
      return ringGroup(values as RingGroupValues, ctx)
    case 'inboundRoute':
      return inboundRoute(values as InboundRouteValues, ctx)
    case 'voicemail':
      return voicemail(values as VoicemailValues, secrets as SecretsByKind['voicemail'], ctx)
    default:
      return queueMembers(values as QueueMembersValues, ctx)
  }
}

/** A typed or generated SIP secret: long enough, and only what a phone's config file takes. */
export function checkSecret(secret: string): string | undefined {
  if (secret.length < LIMITS.secret.minLength) return t('v.secretLength', { min: n(LIMITS.secret.minLength) })
  if (!/^[\x21-\x7e]+$/.test(secret)) return t('v.secretChars')
  if (/[;,"'\\]/.test(secret)) return t('v.secretForbidden')
  return undefined
}
