import type { DialSource } from '../../../src-preload/types/attention'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** A number found in a link or the clipboard, or why there is none (words for the operator). */
export type ParsedDial =
  | { readonly ok: true; readonly number: string; readonly source: DialSource }
  | { readonly ok: false; readonly source: DialSource | undefined; readonly reason: string }

/** Longer than any link a phone number needs: anything bigger is refused before it is looked at. */
const MAX_LINK = 512
const MAX_CLIPBOARD = 200
/** What the guard is given: digits, a leading +, and the * and # of feature codes. */
const DIALABLE = /^\+?[0-9*#]{1,31}$/
/** RFC 3966 visual separators, and the spaces and slashes people write numbers with. */
const SEPARATORS = /[\s\-.()/\u00a0]/g
/** Control characters and hidden direction marks (as types/text.ts names them): never part of a number someone means. */
const HIDDEN_CHARS = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069'
const HIDDEN = new RegExp(`[${HIDDEN_CHARS}]`, 'u')
const HIDDEN_RUNS = new RegExp(`[${HIDDEN_CHARS}]+`, 'gu')

const refused = (source: DialSource | undefined, reason: string): ParsedDial => ({ ok: false, source, reason })

/** `+49 (0) 171 …`: the national trunk 0 written in brackets after a country code is not dialled. */
function dropBracketedTrunkZero(text: string): string {
  return text.startsWith('+') ? text.replace(/\(\s*0\s*\)/, '') : text
}

/** The dialable form of what a person wrote as a number, or undefined when it is not one. */
export function dialableNumber(written: string): string | undefined {
  const compact = dropBracketedTrunkZero(written.trim()).replace(SEPARATORS, '')
  if (!DIALABLE.test(compact) || !/[0-9]/.test(compact)) return undefined
  return compact
}

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part)
  } catch {
    return undefined
  }
}

const SCHEMES: Readonly<Record<string, DialSource>> = { tel: 'tel', sip: 'sip', sips: 'sip', callto: 'callto' }

/**
 * The number of a `tel:`, `sip:`/`sips:` or `callto:` link, as another application hands it to
 * the console: `tel:+49%20171%20123456;phone-context=…` (parameters after `;` ignored), the user
 * part of `sip:105@pbx.example;user=phone`, `callto://+4930123`. Anything that is not such a link,
 * or whose number is a name (`sip:alice@example.com`), is refused with the reason.
 */
export function parseDialLink(link: string): ParsedDial {
  if (link.length > MAX_LINK) return refused(undefined, t('linkTooLong'))
  const match = /^([A-Za-z][A-Za-z0-9+.-]*):(.*)$/s.exec(link.trim())
  const source = match === null ? undefined : SCHEMES[match[1]?.toLowerCase() ?? '']
  if (match === null || source === undefined) return refused(undefined, t('linkScheme'))
  const decoded = decode((match[2] ?? '').replace(/^\/\//, ''))
  if (decoded === undefined) return refused(source, t('linkGarbled'))
  if (HIDDEN.test(decoded)) return refused(source, t('linkHidden'))
  const withoutParams = decoded.split(/[;?]/, 1)[0] ?? ''
  // sip:user:password@host — only the user part can be a number; callto: may name a host too.
  const user = source === 'tel' ? withoutParams : ((withoutParams.split('@', 1)[0] ?? '').split(':', 1)[0] ?? '')
  const number = dialableNumber(user)
  if (number === undefined) {
    return refused(source, user.trim() === '' ? t('linkNamesNothing') : t('linkNames', { what: user.slice(0, 40) }))
  }
  return { ok: true, number, source }
}

/**
 * The number in the clipboard, for the dial shortcut: a link as above, or text that holds exactly
 * one phone number (`Tel.: +49 30 1234-56`, `(030) 123 456`). Several numbers, none, or a long
 * text are refused: the operator copies the number they mean.
 */
export function parseClipboardNumber(text: string): ParsedDial {
  const trimmed = text.trim()
  if (trimmed === '') return refused('clipboard', t('clipEmpty'))
  if (trimmed.length > MAX_CLIPBOARD) return refused('clipboard', t('clipLong'))
  if (/^(tel|sips?|callto):/i.test(trimmed)) {
    const link = parseDialLink(trimmed)
    return link.ok ? { ...link, source: 'clipboard' } : refused('clipboard', link.reason)
  }
  if (HIDDEN.test(trimmed.replace(/[\t\r\n]/g, ' '))) return refused('clipboard', t('clipHidden'))
  const runs = trimmed.match(/\+?[0-9*#(][0-9*#()\s\-./\u00a0]*[0-9#]/g) ?? []
  const numbers = [...new Set(runs.map(dialableNumber).filter((n): n is string => n !== undefined))]
  if (numbers.length === 0) return refused('clipboard', t('clipNone'))
  if (numbers.length > 1) return refused('clipboard', t('clipMany', { n: String(numbers.length) }))
  return { ok: true, number: numbers[0] ?? '', source: 'clipboard' }
}

/** A link or clipboard text as the confirmation shows where the number came from: one line, short. */
export function shownSource(text: string): string {
  const line = text.replace(HIDDEN_RUNS, ' ').trim()
  return line.length > 80 ? `${line.slice(0, 79)}…` : line
}
