/**
 * FreePBX's rules for each kind, checked in main before anything is sent, answered per field in
 * words an admin understands. Pure: what exists on the PBX comes in `ValidationContext`.
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
import { LIMITS } from './descriptors'

export interface ValidationContext {
  readonly operation: 'create' | 'update'
  /** Numbers in use by extensions, ring groups and queues (one dial plan), and what uses each. */
  readonly usedNumbers: ReadonlyMap<string, string>
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
  if (did.startsWith('_')) return 'a pattern may hold only digits, A–D, X, Z, N, ., !, [ ], -, *, # and +'
  return 'use digits, A–D, * and # (a leading + is allowed), or a pattern starting with _'
}

export function checkCid(cid: string): string | undefined {
  if (cid === '' || CID_PLAIN.test(cid) || PATTERN.test(cid) || CID_WORDS.has(cid)) return undefined
  if (cid.startsWith('_')) return 'a pattern may hold only digits, A–D, X, Z, N, ., !, [ ], -, *, # and +'
  return 'use digits, A–D, * and #, or a pattern starting with _'
}

function checkEmail(value: string): string | undefined {
  return value === '' || EMAIL.test(value) ? undefined : 'not an email address'
}

function checkRange(value: number, limits: { readonly min: number; readonly max: number }, unit = ''): string | undefined {
  return Number.isInteger(value) && value >= limits.min && value <= limits.max
    ? undefined
    : `from ${String(limits.min)} to ${String(limits.max)}${unit}`
}

function checkNewNumber(number: string, ctx: ValidationContext, what: string): string | undefined {
  if (!DIGITS.test(number)) return `${what} must be digits only`
  if (ctx.operation === 'create') {
    const user = ctx.usedNumbers.get(number)
    if (user !== undefined) return `${number} is already used by ${user}`
  }
  return undefined
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
    return kept !== undefined && sameDestination(d, kept) ? undefined : 'choose a destination'
  }
  if (ctx.destinations.some((o) => sameDestination(o.destination, d))) return undefined
  switch (d.type) {
    case 'extension':
      return `extension ${d.extension} does not exist`
    case 'ringGroup':
      return `ring group ${d.group} does not exist`
    case 'queue':
      return `queue ${d.queue} does not exist`
    case 'voicemail':
      return `extension ${d.extension} has no mailbox`
    case 'ivr':
      return `IVR ${d.ivr} does not exist`
    case 'callFlow':
      return `call flow ${d.toggle} is not one the PBX shows (only toggles a route or ring group goes to are known)`
    default:
      return 'this destination does not exist on the PBX'
  }
}

type Errors = Record<string, string>
const put = (errors: Errors, field: string, message: string | undefined): void => {
  if (message !== undefined && errors[field] === undefined) errors[field] = message
}

function required(errors: Errors, field: string, value: string, what: string): void {
  if (value.trim() === '') put(errors, field, `${what} is required`)
}

function extension(v: ExtensionValues, s: SecretsByKind['extension'], ctx: ValidationContext): Errors {
  const e: Errors = {}
  put(e, 'extension', checkNewNumber(v.extension, ctx, 'the extension number'))
  required(e, 'name', v.name, 'a display name')
  // A range's {n} can make a name longer than the one typed.
  if (v.name.length > LIMITS.displayName.maxLength) put(e, 'name', `at most ${String(LIMITS.displayName.maxLength)} characters`)
  put(e, 'email', checkEmail(v.email))
  if (v.emergencyCid !== '' && !/^\+?\d+$/.test(v.emergencyCid)) put(e, 'emergencyCid', 'digits only (a leading + is allowed)')
  put(e, 'maxContacts', checkRange(v.maxContacts, LIMITS.maxContacts))
  const before = ctx.current as ExtensionValues | undefined
  const pin = s.voicemailPin
  if (pin !== undefined && pin !== '') put(e, 'voicemailPin', checkPin(pin))
  if (v.voicemail && before?.voicemail !== true && (pin === undefined || pin === '')) put(e, 'voicemailPin', 'a new mailbox needs a PIN')
  // addExtension refuses umEnable without umPassword (Extensions.php).
  if (v.userManager && before?.userManager !== true && (s.userManagerPassword ?? '') === '') {
    put(e, 'userManagerPassword', 'a User Manager user needs a password')
  }
  return e
}

function checkPin(pin: string): string | undefined {
  if (!PIN.test(pin)) return 'digits only'
  if (pin.length < LIMITS.pin.minLength || pin.length > LIMITS.pin.maxLength)
    return `${String(LIMITS.pin.minLength)} to ${String(LIMITS.pin.maxLength)} digits`
  return undefined
}

function ringGroup(v: RingGroupValues, ctx: ValidationContext): Errors {
  const e: Errors = {}
  put(e, 'group', checkNewNumber(v.group, ctx, 'the group number'))
  required(e, 'description', v.description, 'a description')
  if (v.members.length === 0) put(e, 'members', 'add at least one member')
  const seen = new Set<string>()
  for (const m of v.members) {
    if (!/^\d+#?$/.test(m)) put(e, 'members', `${m || '(empty)'}: an extension number, or an outside number ending in #`)
    else if (!m.endsWith('#') && !ctx.extensions.has(m)) put(e, 'members', `extension ${m} does not exist`)
    else if (seen.has(m)) put(e, 'members', `${m} is listed twice`)
    seen.add(m)
  }
  put(e, 'ringTime', checkRange(v.ringTime, LIMITS.ringTime, ' seconds'))
  if (v.noAnswer.type === 'ringGroup' && v.noAnswer.group === v.group) put(e, 'noAnswer', 'a group cannot send unanswered calls to itself')
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
    put(
      e,
      'did',
      v.did === '' && v.cid === '' ? 'a route for any DID and any caller already exists' : 'a route with this DID and caller ID already exists',
    )
  }
  put(e, 'destination', checkDestination(v.destination, ctx, before?.destination))
  put(e, 'delayAnswer', checkRange(v.delayAnswer, LIMITS.delayAnswer, ' seconds'))
  return e
}

function voicemail(v: VoicemailValues, s: SecretsByKind['voicemail'], ctx: ValidationContext): Errors {
  const e: Errors = {}
  if (!ctx.extensions.has(v.extension)) put(e, 'extension', `extension ${v.extension} does not exist`)
  if (!v.enabled) return e
  put(e, 'email', checkEmail(v.email))
  put(e, 'pager', checkEmail(v.pager))
  if (s.pin !== undefined && s.pin !== '') put(e, 'pin', checkPin(s.pin))
  else if (ctx.hasPin !== true) put(e, 'pin', 'a new mailbox needs a PIN')
  if (v.deleteAfterEmail && !v.attach) put(e, 'deleteAfterEmail', 'only with the recording attached, or messages are lost')
  if (v.deleteAfterEmail && v.email === '') put(e, 'deleteAfterEmail', 'needs an email address, or messages are lost')
  return e
}

function members(e: Errors, field: string, list: readonly QueueMember[], ctx: ValidationContext): void {
  const seen = new Set<string>()
  for (const m of list) {
    if (!ctx.extensions.has(m.extension)) put(e, field, `extension ${m.extension} does not exist`)
    else if (seen.has(m.extension)) put(e, field, `${m.extension} is listed twice`)
    put(e, field, checkRange(m.penalty, LIMITS.penalty) === undefined ? undefined : `penalty of ${m.extension}: from 0 to 99`)
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
  if (secret.length < LIMITS.secret.minLength) return `at least ${String(LIMITS.secret.minLength)} characters`
  if (!/^[\x21-\x7e]+$/.test(secret)) return 'letters, digits and punctuation only (no spaces)'
  if (/[;,"'\\]/.test(secret)) return 'no ; , " \' or \\ (they break the phone’s configuration)'
  return undefined
}
