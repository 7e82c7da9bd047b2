/**
 * Phone numbers as the phonebook compares them: one canonical key per number, so "030 1234567",
 * "+49 (0)30 123 45 67" and "0049301234567" on a German PBX are the same number, and the caller ID
 * a trunk delivers ("+49301234567", "0301234567" or "49301234567") finds it. Pure and dependency-free:
 * main keys the stored numbers with it, the renderer keys the caller IDs it looks up.
 */

/** What the key needs from a profile's dial plan (profile.dialPlan has these fields). */
export interface NumberPlan {
  /** E.164 country calling code without '+': '49', '44', '1'. */
  readonly country: string
  /** Trunk prefix of national numbers ('0'; '' where there is none, '1' is NANP's). */
  readonly nationalPrefix: string
  /** International access code ('00', '011'). */
  readonly internationalPrefix: string
}

/** A number longer than this is no phone number (E.164 allows 15 digits, extensions a few more). */
const MAX_DIGITS = 20

/**
 * The digits of a number as written in an address book or delivered as caller ID, or undefined when
 * it is not a phone number at all (letters, a '+' inside it, no digits). Separators (space, - . / ( ))
 * go; a trailing extension ("x 12", ";ext=12", "ext. 12") is cut off because the PBX's caller ID never
 * carries it; vCard 4's "tel:" URI form is read; "+49 (0)30" drops the "(0)" that is only dialled at home.
 */
export function phoneDigits(raw: string): { plus: boolean; digits: string } | undefined {
  let text = raw.trim()
  if (/^tel:/i.test(text)) text = text.slice(4)
  text = text.replace(/\s*(?:;ext=|;phone-context=|\bext\.?|\bx|#)\s*[0-9]*.*$/i, '')
  text = text.replace(/^(\+[0-9]{1,3})\s*\(0\)/, '$1')
  let plus = false
  let digits = ''
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (ch >= '0' && ch <= '9') digits += ch
    else if (ch === '+' && digits.length === 0 && !plus) plus = true
    else if (ch === ' ' || ch === '-' || ch === '.' || ch === '/' || ch === '(' || ch === ')' || ch === '\u00a0') continue
    else return undefined
  }
  if (digits.length === 0 || digits.length > MAX_DIGITS) return undefined
  return { plus, digits }
}

/**
 * The canonical key of a number: '+' and its E.164 digits when the plan can place it (international
 * form, international access code, national trunk prefix, NANP's 10 and 11 digits), else its bare
 * digits (a short or local number, an extension). Undefined when it is not a phone number.
 */
export function numberKey(raw: string, plan: NumberPlan): string | undefined {
  const parsed = phoneDigits(raw)
  if (parsed === undefined) return undefined
  const { plus, digits } = parsed
  if (plus) return `+${digits}`
  if (plan.internationalPrefix.length > 0 && digits.startsWith(plan.internationalPrefix) && digits.length > plan.internationalPrefix.length + 6) {
    return `+${digits.slice(plan.internationalPrefix.length)}`
  }
  if (plan.country === '1') {
    if (digits.length === 10) return `+1${digits}`
    if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`
    return digits
  }
  if (plan.nationalPrefix.length > 0 && digits.startsWith(plan.nationalPrefix) && digits.length > plan.nationalPrefix.length + 5) {
    return `+${plan.country}${digits.slice(plan.nationalPrefix.length)}`
  }
  return digits
}

/**
 * The keys a caller ID may be stored under, best first: its own key, then (for trunks that send the
 * international form without '+' or access code, "49301234567") the same digits read as E.164.
 */
export function callerIdKeys(callerId: string, plan: NumberPlan): string[] {
  const key = numberKey(callerId, plan)
  if (key === undefined) return []
  const keys = [key]
  if (!key.startsWith('+') && key.startsWith(plan.country) && key.length >= plan.country.length + 7) keys.push(`+${key}`)
  return keys
}
