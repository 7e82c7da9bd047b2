import type { DialPlan } from '../profiles/schema'
import { tollTableFor } from './domestic-premium-tables'
import { emergencyNumbersFor } from './emergency-numbers'
import { DENY_RANGES, NANP_INTERNATIONAL_AREA_CODES, NANP_PREMIUM_EXCHANGE, type DenyRange } from './toll-fraud-tables'
import { say } from '../i18n'
import { strings } from './strings'
import { strings as rangeStrings } from './range-strings'

const t = say(strings)
const rangeWords = say(rangeStrings)

export type Verdict = 'allow' | 'deny' | 'confirm_emergency'

export type AllowRule = 'internal_extension' | 'known_extension' | 'domestic' | 'domestic_local' | 'allowed_prefix' | 'emergency'
export type RefusalRule =
  | 'not_a_string'
  | 'empty'
  | 'too_long'
  | 'control_character'
  | 'non_ascii_digit'
  | 'non_ascii'
  | 'channel_technology'
  | 'context_injection'
  | 'parallel_dial'
  | 'argument_separator'
  | 'technology_separator'
  | 'expression_injection'
  | 'dial_string_metachar'
  | 'feature_code'
  | 'letters'
  | 'invalid_character'
  | 'misplaced_plus'
  | 'invalid_number'
  | 'unknown_number'
  | 'premium'
  | 'satellite'
  | 'nanp_international'
  | 'international'
export type DestinationRule = AllowRule | RefusalRule

export interface DestinationJudgement {
  verdict: Verdict
  /** The digits that were judged, with a leading '+' when one was typed; '' if refused before. */
  normalized: string
  kind: 'internal' | 'emergency' | 'external' | 'invalid'
  /** The number in E.164 form when it is an outside number that could be placed in it. */
  e164?: string
  /**
   * The exact digits to hand to the PBX as `Exten` when not denied: internal and emergency numbers
   * as typed; outside numbers rebuilt canonically from the profile's dial plan
   * (outside-line prefix + national or international form).
   */
  dialDigits?: string
  rule: DestinationRule
  /** Plain words for the operator; names what refused it. */
  reason: string
}

/** Raw input longer than this is refused before it is even scanned. */
const MAX_INPUT_CHARS = 64
const MAX_DIGITS = 32

function refuse(rule: RefusalRule, reason: string, normalized = ''): DestinationJudgement {
  return { verdict: 'deny', normalized, kind: 'invalid', rule, reason }
}

/** Which characters refuse a destination, and why: what each means inside an Asterisk dial string. */
function refusalForCharacter(ch: string): { rule: RefusalRule; reason: string } {
  switch (ch) {
    case '@':
      return { rule: 'context_injection', reason: t('at') }
    case '&':
      return { rule: 'parallel_dial', reason: t('ampersand') }
    case ',':
    case '|':
      return { rule: 'argument_separator', reason: t('separator', { char: ch }) }
    case '^':
      return { rule: 'argument_separator', reason: t('caret') }
    case '/':
      return { rule: 'technology_separator', reason: t('slash') }
    case '$':
    case '{':
    case '}':
      return { rule: 'expression_injection', reason: t('expression', { char: ch }) }
    case '*':
    case '#':
      return { rule: 'feature_code', reason: t('featureCode', { char: ch }) }
    default:
      if (/[A-Za-z]/.test(ch)) return { rule: 'letters', reason: t('letters') }
      if (/[;!'"`\\<>[\]?%=~:_]/.test(ch)) return { rule: 'dial_string_metachar', reason: t('metachar', { char: ch }) }
      return { rule: 'invalid_character', reason: t('invalidChar', { char: ch }) }
  }
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code < 0x20 || code === 0x7f) return true
  }
  return false
}

type Cleaned = { ok: true; plus: boolean; digits: string } | { ok: false; judgement: DestinationJudgement }

/** Character-level checks, then separators removed. Rejects rather than escapes: no repair of hostile input. */
function clean(input: unknown): Cleaned {
  if (typeof input !== 'string') return { ok: false, judgement: refuse('not_a_string', t('notText')) }
  if (input.length > MAX_INPUT_CHARS) {
    return { ok: false, judgement: refuse('too_long', t('tooLongInput', { max: MAX_INPUT_CHARS })) }
  }
  if (hasControlCharacter(input)) {
    return {
      ok: false,
      judgement: refuse('control_character', t('control')),
    }
  }
  for (const ch of input) {
    if (ch.charCodeAt(0) > 0x7e) {
      return /\p{Nd}/u.test(ch)
        ? { ok: false, judgement: refuse('non_ascii_digit', t('nonAsciiDigit', { char: ch })) }
        : { ok: false, judgement: refuse('non_ascii', t('nonAscii')) }
    }
  }
  const trimmed = input.trim()
  if (/^[A-Za-z][A-Za-z0-9]*\//.test(trimmed)) {
    return {
      ok: false,
      judgement: refuse('channel_technology', t('technology')),
    }
  }
  let plus = false
  let digits = ''
  for (let i = 0; i < trimmed.length; i++) {
    const ch = trimmed.charAt(i)
    if (ch >= '0' && ch <= '9') digits += ch
    else if (ch === ' ' || ch === '-' || ch === '.' || ch === '(' || ch === ')') continue
    else if (ch === '+') {
      if (i !== 0) return { ok: false, judgement: refuse('misplaced_plus', t('misplacedPlus')) }
      plus = true
    } else {
      const { rule, reason } = refusalForCharacter(ch)
      return { ok: false, judgement: refuse(rule, reason) }
    }
  }
  if (digits.length === 0) return { ok: false, judgement: refuse('empty', t('noDigits')) }
  if (digits.length > MAX_DIGITS) {
    return { ok: false, judgement: refuse('too_long', t('tooManyDigits', { max: MAX_DIGITS }), (plus ? '+' : '') + digits) }
  }
  return { ok: true, plus, digits }
}

/** Asterisk-style digit patterns without regexes: X = 0-9, Z = 1-9, N = 2-9, digits literal. */
export function matchesExtensionPattern(digits: string, pattern: string): boolean {
  if (digits.length !== pattern.length) return false
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern.charAt(i).toUpperCase()
    const d = digits.charAt(i)
    if (p === 'X') continue
    if (p === 'Z' && d >= '1') continue
    if (p === 'N' && d >= '2') continue
    if (p !== d) return false
  }
  return true
}

/** A number this PBX has as an extension: the live model's (hints) or the dial plan's own list. */
function isKnownExtension(digits: string, plan: DialPlan, known: ReadonlySet<string> | undefined): boolean {
  return known?.has(digits) === true || plan.internalExtensions.list.includes(digits)
}

function matchesInternalPattern(digits: string, plan: DialPlan): boolean {
  return plan.internalExtensions.patterns.some((pattern) => matchesExtensionPattern(digits, pattern))
}

function longestMatching(prefixes: readonly string[], e164: string): string | undefined {
  let best: string | undefined
  for (const prefix of prefixes) if (e164.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix
  return best
}

/** The canonical digits to send: outside-line prefix + national form at home, international form abroad. */
function dialDigitsFor(e164: string, plan: DialPlan): string {
  const home = `+${plan.country}`
  const body = e164.startsWith(home) ? plan.nationalPrefix + e164.slice(home.length) : plan.internationalPrefix + e164.slice(1)
  return plan.outsideLinePrefix + body
}

function judgeE164(e164: string, normalized: string, plan: DialPlan): DestinationJudgement {
  const national = e164.slice(1)
  if (national.length < 7 || national.length > 15) {
    return { ...refuse('invalid_number', wrongLength(normalized, national.length < 7), normalized), e164 }
  }
  if (national.startsWith('1')) {
    // NANP: 1 + NPA (N XX) + exchange (N XX) + 4 digits.
    if (!/^1[2-9][0-9]{2}[2-9][0-9]{6}$/.test(national)) {
      return {
        ...refuse('invalid_number', t('notNanp'), normalized),
        e164,
      }
    }
  }

  const denies: { prefix: string; rule: RefusalRule; reason: string }[] = DENY_RANGES.filter((range) => e164.startsWith(range.prefix)).map(
    (range) => ({ ...range, reason: rangeReason(range) }),
  )
  if (national.startsWith('1') && national.slice(4, 7) === NANP_PREMIUM_EXCHANGE) {
    denies.push({ prefix: e164.slice(0, 8), rule: 'premium', reason: t('premium976') })
  }
  if (!e164.startsWith(`+${plan.country}`)) {
    denies.push({ prefix: '+', rule: 'international', reason: t('international') })
  }
  const strongest = denies.reduce<(typeof denies)[number] | undefined>(
    (best, d) => (best === undefined || d.prefix.length > best.prefix.length ? d : best),
    undefined,
  )
  const allowed = longestMatching(plan.allowedOutboundPrefixes, e164)

  if (strongest !== undefined) {
    if (allowed !== undefined && allowed.length >= strongest.prefix.length) {
      return allowE164(e164, normalized, plan, 'allowed_prefix', t('allowedPrefix', { prefix: allowed }))
    }
    const reason = allowed === undefined ? strongest.reason : t('broaderPrefix', { reason: strongest.reason, allowed, prefix: strongest.prefix })
    return { verdict: 'deny', normalized, kind: 'external', e164, rule: strongest.rule, reason }
  }
  return allowE164(e164, normalized, plan, 'domestic', t('domestic'))
}

/** An outside number that may be dialled, sent in the canonical form the plan dials it in. */
function allowE164(e164: string, normalized: string, plan: DialPlan, rule: 'allowed_prefix' | 'domestic', reason: string): DestinationJudgement {
  return { verdict: 'allow', normalized, kind: 'external', e164, dialDigits: dialDigitsFor(e164, plan), rule, reason }
}

/** A local number (its area code implied): sent as the outside-line prefix and the digits typed. */
function allowLocal(rest: string, normalized: string, plan: DialPlan): DestinationJudgement {
  return {
    verdict: 'allow',
    normalized,
    kind: 'external',
    dialDigits: plan.outsideLinePrefix + rest,
    rule: 'domestic_local',
    reason: t('local'),
  }
}

/** An emergency number is never refused: the operator confirms. `heard` is the emergency number
 *  itself, `dialDigits` what was dialled (with the outside-line prefix when one was typed). */
function confirmEmergency(heard: string, normalized: string, dialDigits: string): DestinationJudgement {
  return {
    verdict: 'confirm_emergency',
    normalized,
    kind: 'emergency',
    dialDigits,
    rule: 'emergency',
    reason: t('emergency', { number: heard }),
  }
}

/**
 * Decides whether a destination typed or dropped by an operator may be dialled (originate,
 * transfer, forward). Normalises first (separators, '+', outside-line and national/international
 * prefixes), then in this order: a known extension of this PBX is that extension; the
 * country's and the profile's emergency numbers are never refused (the UI confirms); numbers
 * matching an extension pattern are internal; outside numbers pass only if domestic and outside
 * every deny range, or explicitly allowed.
 */
export function judgeDestination(input: string, plan: DialPlan, knownExtensions?: ReadonlySet<string>): DestinationJudgement {
  const cleaned = clean(input)
  if (!cleaned.ok) return cleaned.judgement
  const { plus, digits } = cleaned
  const normalized = (plus ? '+' : '') + digits

  if (plus) return judgeE164(normalized, normalized, plan)

  // A known extension is that extension, even where its digits are an emergency number elsewhere
  // on the PBX's dialplan (a German PBX's extensions 110 and 112): a transfer to it is internal.
  if (isKnownExtension(digits, plan, knownExtensions)) {
    return { verdict: 'allow', normalized, kind: 'internal', dialDigits: digits, rule: 'known_extension', reason: t('internal') }
  }
  const emergency = emergencyNumbersFor(plan)
  if (emergency.has(digits)) return confirmEmergency(digits, normalized, digits)
  // A pattern (1XX) only says what an extension would look like; it never hides an emergency number.
  if (matchesInternalPattern(digits, plan)) {
    return { verdict: 'allow', normalized, kind: 'internal', dialDigits: digits, rule: 'internal_extension', reason: t('internal') }
  }

  const outside = plan.outsideLinePrefix
  if (outside.length > 0 && digits.startsWith(outside) && digits.length > outside.length) {
    const rest = digits.slice(outside.length)
    if (emergency.has(rest)) return confirmEmergency(rest, normalized, digits)
    // Read as outside-line prefix + number first; when that is no complete number, the leading
    // digit may belong to the number itself (a local 976-1234 with outside line 9).
    const stripped = judgeOutsideNumber(rest, normalized, plan)
    const whole = judgeOutsideNumber(digits, normalized, plan)
    // A local number is only a guess from its length. When the same digits, read as typed without
    // the outside line (an operator who forgot it), are a toll number, refuse rather than guess.
    if (stripped.rule === 'domestic_local' && whole.verdict === 'deny' && TOLL_RULES.has(whole.rule)) {
      return {
        ...whole,
        reason: t('withoutOutsideLine', { reason: whole.reason, prefix: outside }),
      }
    }
    if (stripped.rule !== 'unknown_number' && stripped.rule !== 'invalid_number') return stripped
    return whole.rule === 'unknown_number' || whole.rule === 'invalid_number' ? stripped : whole
  }
  return judgeOutsideNumber(digits, normalized, plan)
}

/** Refusals that mean money: what the ambiguity check above must never let a guess slip past. */
const TOLL_RULES: ReadonlySet<DestinationRule> = new Set(['international', 'premium', 'satellite', 'nanp_international'])

/** An outside number without its outside-line prefix: international, national or local form. */
function judgeOutsideNumber(rest: string, normalized: string, plan: DialPlan): DestinationJudgement {
  if (rest.startsWith(plan.internationalPrefix)) {
    const international = rest.slice(plan.internationalPrefix.length)
    if (international.length === 0) return refuse('unknown_number', t('abroadPrefixOnly'), normalized)
    return judgeE164(`+${international}`, normalized, plan)
  }
  if (plan.country === '1') {
    if (rest.length === 11 && rest.startsWith('1')) return judgeE164(`+${rest}`, normalized, plan)
    if (rest.length === 10) return judgeE164(`+1${rest}`, normalized, plan)
    if (rest.length === 7) return judgeNanpLocal(rest, normalized, plan)
    return refuse('unknown_number', rest.length < 7 ? t('shortNumber') : wrongLength(normalized, false), normalized)
  }
  if (plan.nationalPrefix.length > 0 && rest.startsWith(plan.nationalPrefix)) {
    return judgeE164(`+${plan.country}${rest.slice(plan.nationalPrefix.length)}`, normalized, plan)
  }
  if (plan.nationalPrefix.length === 0 && rest.length >= 7) return judgeE164(`+${plan.country}${rest}`, normalized, plan)
  if (rest.length >= 7 && rest.length <= 10) {
    // Some national ranges are dialled without a trunk prefix and look local by their length.
    const premium = tollTableFor(plan.country)?.dialled?.find((range) => rest.startsWith(range.prefix))
    if (premium !== undefined)
      return {
        verdict: 'deny',
        normalized,
        kind: 'external',
        rule: 'premium',
        reason: t('premiumRange', { range: rangeName(`dialled.${plan.country}.${premium.prefix}`, premium.reason) }),
      }
    return allowLocal(rest, normalized, plan)
  }
  return refuse('unknown_number', rest.length < 7 ? t('shortNumber') : wrongLength(normalized, false), normalized)
}

/** Plain words for a number of the wrong length, counting the digits as typed. */
function wrongLength(normalized: string, short: boolean): string {
  const typed = normalized.replace(/\D/g, '').length
  return short ? t('tooShort') : t('tooLong', { digits: typed })
}

/** 7-digit NANP local dialling: the area code is implied, so only the exchange can be checked. */
function judgeNanpLocal(rest: string, normalized: string, plan: DialPlan): DestinationJudgement {
  if (!/^[2-9]/.test(rest)) return refuse('invalid_number', t('localStart'), normalized)
  if (rest.startsWith(NANP_PREMIUM_EXCHANGE)) {
    return { verdict: 'deny', normalized, kind: 'external', rule: 'premium', reason: t('premium976') }
  }
  return allowLocal(rest, normalized, plan)
}

/**
 * A deny range's reason in the console's language: the range's name (range-strings.ts) inside the
 * guard's words for what kind of range it is; a NANP area code billed abroad is a whole sentence of
 * its own around its place.
 */
function rangeReason(range: DenyRange): string {
  if (range.rule === 'nanp_international') {
    const code = range.prefix.slice(2)
    return t('nanpInternational', { code, place: rangeName(range.prefix, NANP_INTERNATIONAL_AREA_CODES[code] ?? '') })
  }
  const name = rangeName(range.prefix, range.reason)
  return range.rule === 'satellite' ? t('satelliteRange', { range: name }) : t('premiumRange', { range: name })
}

/** A range's name in the console's language by its key in range-strings.ts; the table's English if it has none. */
function rangeName(key: string, english: string): string {
  return Object.hasOwn(rangeStrings.texts.en, key) ? rangeWords(key as Parameters<typeof rangeWords>[0]) : english
}

/** Area codes in +1 billed as international; exported for UI hints. */
export function isNanpInternationalAreaCode(areaCode: string): boolean {
  return Object.hasOwn(NANP_INTERNATIONAL_AREA_CODES, areaCode)
}
