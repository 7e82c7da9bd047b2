import type { DraftContact, ParsedFile, ParsedRecord } from './import-types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * vCard files (2.1, 3.0 and 4.0: RFC 2426, RFC 6350 and the older versit 2.1 that phones and
 * Outlook still write) read into draft contacts. Written here rather than taken from npm: the
 * maintained parsers there read vCard 4 (RFC 6350) only, while address books export 2.1 and 3.0
 * with quoted-printable, charsets and bare parameters.
 *
 * What it reads: folded lines (CRLF + space or tab), quoted-printable values with their soft line
 * breaks and CHARSET (UTF-8, ISO-8859-1, Windows-1252), escaped text (\n \, \; \\), parameters as
 * TYPE=work,voice, TYPE="work,voice", TYPE=work;TYPE=voice or 2.1's bare WORK;VOICE, grouped
 * properties (Apple's item1.TEL with item1.X-ABLabel naming it), TEL values as text or tel: URIs,
 * FN, N, ORG and NOTE. Everything else (photos, addresses, e-mail) is passed over. A card that never
 * ends is kept as unreadable with its text.
 */

interface Property {
  readonly group: string
  readonly name: string
  readonly params: ReadonlyMap<string, readonly string[]>
  /** Bare 2.1 parameters and TYPE values, lower case. */
  readonly types: readonly string[]
  readonly value: string
}

interface LogicalLine {
  readonly line: number
  readonly text: string
}

const RAW_MAX = 500

/** Physical lines joined into logical ones: folding (3.0/4.0) and quoted-printable soft breaks (2.1). */
function logicalLines(text: string): LogicalLine[] {
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const out: { line: number; text: string }[] = []
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i] ?? ''
    const last = out.at(-1)
    if (last !== undefined && (line.startsWith(' ') || line.startsWith('\t')) && !/^BEGIN:|^END:/i.test(last.text)) {
      last.text += line.slice(1)
      continue
    }
    if (last !== undefined && isQuotedPrintable(last.text) && last.text.endsWith('=')) {
      // A soft line break: the value goes on on this line, as it is.
      last.text = last.text.slice(0, -1) + line
      continue
    }
    if (line.trim() === '') continue
    out.push({ line: i + 1, text: line })
  }
  return out
}

function isQuotedPrintable(text: string): boolean {
  const colon = nameEnd(text)
  return /(^|;)(ENCODING=)?QUOTED-PRINTABLE(;|$)/i.test(text.slice(0, colon))
}

/** Where the property's name and parameters end: the first ':' outside a quoted parameter value. */
function nameEnd(text: string): number {
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i)
    if (ch === '"') quoted = !quoted
    else if (ch === ':' && !quoted) return i
  }
  return -1
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const parts: string[] = []
  let quoted = false
  let cur = ''
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if (ch === sep && !quoted) {
      parts.push(cur)
      cur = ''
    } else cur += ch
  }
  parts.push(cur)
  return parts
}

function parseProperty(text: string): Property | undefined {
  const colon = nameEnd(text)
  if (colon < 0) return undefined
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';')
  const dot = nameWithGroup.lastIndexOf('.')
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).toLowerCase() : ''
  const name = (dot >= 0 ? nameWithGroup.slice(dot + 1) : nameWithGroup).toUpperCase()
  const params = new Map<string, string[]>()
  const types: string[] = []
  for (const p of rawParams) {
    const eq = p.indexOf('=')
    if (eq < 0) {
      // vCard 2.1: a bare parameter is a TYPE (WORK, CELL) or an ENCODING (QUOTED-PRINTABLE, BASE64).
      const bare = p.trim().toLowerCase()
      if (bare === 'quoted-printable' || bare === 'base64' || bare === 'b') params.set('ENCODING', [bare])
      else if (bare !== '') types.push(bare)
      continue
    }
    const key = p.slice(0, eq).trim().toUpperCase()
    const values = splitOutsideQuotes(p.slice(eq + 1), ',').map((v) => v.trim().replace(/^"|"$/g, ''))
    params.set(key, [...(params.get(key) ?? []), ...values])
    if (key === 'TYPE') types.push(...values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()))
  }
  return { group, name, params, types, value: text.slice(colon + 1) }
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = []
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i)
    const hex = value.slice(i + 1, i + 3)
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      // Not an escape: the character itself, as UTF-8 bytes.
      for (const b of new TextEncoder().encode(ch)) bytes.push(b)
    }
  }
  try {
    return new TextDecoder(charset, { fatal: false }).decode(new Uint8Array(bytes))
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes))
  }
}

/** The property's value as text: quoted-printable decoded; undefined for binary (base64) values. */
function decodedValue(p: Property): string | undefined {
  const encoding = p.params.get('ENCODING')?.[0]?.toLowerCase()
  if (encoding === 'b' || encoding === 'base64') return undefined
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0] ?? 'utf-8')
  return p.value
}

/** Text escapes of 3.0/4.0 undone (2.1 has none, and its values never contain a backslash escape that matters). */
function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))
}

/** A structured value (N, ORG) split on its unescaped ';', each component unescaped. */
function components(value: string): string[] {
  const parts: string[] = []
  let cur = ''
  for (let i = 0; i < value.length; i++) {
    const ch = value.charAt(i)
    if (ch === '\\' && i + 1 < value.length) {
      cur += ch + value.charAt(i + 1)
      i++
    } else if (ch === ';') {
      parts.push(cur)
      cur = ''
    } else cur += ch
  }
  parts.push(cur)
  return parts.map((p) => unescapeText(p).trim())
}

const TYPE_LABELS: Readonly<Record<string, string>> = {
  work: 'work',
  home: 'home',
  cell: 'mobile',
  mobile: 'mobile',
  iphone: 'mobile',
  fax: 'fax',
  pager: 'pager',
  car: 'car',
  main: 'main',
  'x-main': 'main',
  other: 'other',
  text: 'text',
  video: 'video',
  textphone: 'textphone',
}

/** A TEL's label from its types (work + fax → "work fax"), or Apple's X-ABLabel of its group. */
function telLabel(types: readonly string[], appleLabel: string | undefined): string {
  if (appleLabel !== undefined && appleLabel !== '') {
    const apple = /^_\$!<(.+)>!\$_$/.exec(appleLabel)
    return (apple?.[1] ?? appleLabel).toLowerCase()
  }
  const labels = [...new Set(types.map((t) => TYPE_LABELS[t]).filter((l): l is string => l !== undefined))]
  return labels.join(' ')
}

function telNumber(p: Property, value: string): string {
  const v = value.trim()
  return /^tel:/i.test(v) ? v.slice(4).replace(/;.*$/, '') : unescapeText(v)
}

function draftOf(props: readonly Property[]): { draft: DraftContact; warnings: string[] } {
  const warnings: string[] = []
  let fn = ''
  let n: string[] = []
  let org = ''
  const notes: string[] = []
  const numbers: { label: string; number: string }[] = []
  const appleLabels = new Map<string, string>()
  for (const p of props) if (p.name === 'X-ABLABEL' && p.group !== '') appleLabels.set(p.group, unescapeText(decodedValue(p) ?? ''))
  for (const p of props) {
    const value = decodedValue(p)
    if (value === undefined) continue
    switch (p.name) {
      case 'FN':
        fn = unescapeText(value).trim()
        break
      case 'N':
        n = components(value)
        break
      case 'ORG':
        org = components(value)
          .filter((c) => c !== '')
          .join(', ')
        break
      case 'NOTE':
        notes.push(unescapeText(value))
        break
      case 'TEL': {
        const number = telNumber(p, value)
        if (number !== '') numbers.push({ label: telLabel(p.types, appleLabels.get(p.group)), number })
        break
      }
      default:
        break
    }
  }
  // N is family; given; additional; prefixes; suffixes.
  const [family = '', given = '', middle = ''] = n
  const name = fn !== '' ? fn : [given, middle, family].filter((c) => c !== '').join(' ')
  return { draft: { name, company: org, numbers, notes: notes.join('\n') }, warnings }
}

const clip = (raw: string): string => (raw.length > RAW_MAX ? `${raw.slice(0, RAW_MAX - 1)}…` : raw)

/** Reads every card of a .vcf file. */
export function readVcard(text: string): ParsedFile {
  const lines = logicalLines(text)
  const physical = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  const records: ParsedRecord[] = []
  const unreadable: { line: number; raw: string; message: string }[] = []
  let open: { line: number; props: Property[]; depth: number } | undefined
  const rawOf = (from: number, to: number): string => clip(physical.slice(from - 1, to).join('\n'))
  for (const l of lines) {
    if (/^BEGIN:VCARD\s*$/i.test(l.text)) {
      const agent = open?.props.at(-1)
      if (open !== undefined && (open.depth > 0 || (agent?.name === 'AGENT' && agent.value.trim() === ''))) {
        open.depth += 1 // a card nested in 2.1's AGENT property (the assistant's): passed over
        continue
      }
      if (open !== undefined) {
        unreadable.push({ line: open.line, raw: rawOf(open.line, l.line - 1), message: t('cardNotEnded') })
      }
      open = { line: l.line, props: [], depth: 0 }
      continue
    }
    if (open === undefined) continue
    if (/^END:VCARD\s*$/i.test(l.text)) {
      if (open.depth > 0) {
        open.depth -= 1
        continue
      }
      const { draft, warnings } = draftOf(open.props)
      records.push({ line: open.line, raw: rawOf(open.line, l.line), draft, warnings })
      open = undefined
      continue
    }
    if (open.depth > 0) continue
    const prop = parseProperty(l.text)
    if (prop !== undefined) open.props.push(prop)
  }
  if (open !== undefined) {
    unreadable.push({ line: open.line, raw: rawOf(open.line, physical.length), message: t('fileEndsInCard') })
  }
  return { columns: [], records, unreadable }
}
