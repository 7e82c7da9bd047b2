import { parse } from 'csv-parse/sync'
import type { ColumnTarget, ImportColumn } from '../../../src-preload/types/phonebook'
import type { DraftContact, ParsedRecord, ParsedFile } from './import-types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * CSV exports of address books (Outlook, Google Contacts, a spreadsheet) read into draft contacts.
 * The header row says what each column holds; `guessTarget` maps the headers these programs write
 * (English and German Outlook, both Google formats, plain "Name"/"Phone" sheets) and the operator
 * can change any column in the preview. Records that cannot be read are kept with their text.
 */

const NAME_PARTS = {
  name: ['name', 'full name', 'display name', 'contact', 'contact name', 'anzeigename', 'vollständiger name'],
  firstName: ['first name', 'given name', 'firstname', 'first', 'vorname'],
  middleName: ['middle name', 'additional name', 'weitere vornamen', 'zweiter vorname'],
  lastName: ['last name', 'family name', 'surname', 'lastname', 'last', 'nachname'],
  company: ['company', 'organization', 'organisation', 'organization 1 - name', 'organization name', 'firm', 'firma', 'unternehmen', 'account'],
  notes: ['notes', 'note', 'comment', 'comments', 'notizen', 'bemerkung', 'bemerkungen', 'anmerkungen'],
} as const

/** Outlook's and generic number columns, with the label each number gets. */
const NUMBER_COLUMNS: readonly (readonly [string, string])[] = [
  ['business phone', 'work'],
  ['business phone 2', 'work'],
  ['company main phone', 'main'],
  ['primary phone', 'main'],
  ['home phone', 'home'],
  ['home phone 2', 'home'],
  ['mobile phone', 'mobile'],
  ['mobile', 'mobile'],
  ['cell', 'mobile'],
  ['cell phone', 'mobile'],
  ['car phone', 'car'],
  ['other phone', 'other'],
  ["assistant's phone", 'assistant'],
  ['assistant phone', 'assistant'],
  ['callback', 'callback'],
  ['pager', 'pager'],
  ['business fax', 'fax'],
  ['home fax', 'fax'],
  ['other fax', 'fax'],
  ['fax', 'fax'],
  ['phone', ''],
  ['phone number', ''],
  ['telephone', ''],
  ['tel', ''],
  ['number', ''],
  ['work phone', 'work'],
  ['work', 'work'],
  ['home', 'home'],
  ['telefon geschäftlich', 'work'],
  ['telefon geschäftlich 2', 'work'],
  ['telefon firma', 'main'],
  ['haupttelefon', 'main'],
  ['telefon privat', 'home'],
  ['telefon privat 2', 'home'],
  ['mobiltelefon', 'mobile'],
  ['handy', 'mobile'],
  ['autotelefon', 'car'],
  ['weiteres telefon', 'other'],
  ['fax geschäftlich', 'fax'],
  ['fax privat', 'fax'],
  ['telefon', ''],
]

function normalHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
}

/** Where a column with this header goes; 'ignore' when it is nothing a phonebook keeps (e-mail, address…). */
export function guessTarget(header: string): ColumnTarget {
  const h = normalHeader(header)
  // Google Contacts: "Phone 1 - Type"/"Phone 1 - Label" and "Phone 1 - Value".
  const google = /^phone (\d{1,2}) - (type|label|value)$/.exec(h)
  if (google !== null) return google[2] === 'value' ? `phoneValue:${google[1] ?? '1'}` : `phoneLabel:${google[1] ?? '1'}`
  for (const [target, names] of Object.entries(NAME_PARTS)) {
    if ((names as readonly string[]).includes(h)) return target
  }
  const number = NUMBER_COLUMNS.find(([name]) => name === h)
  if (number !== undefined) return `phone:${number[1]}`
  return 'ignore'
}

/** The delimiter of the header line: the one of , ; tab | that splits it most (outside quotes). */
export function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? ''
  const unquoted = firstLine.replace(/"[^"]*"/g, '')
  let best = ','
  let most = 0
  for (const d of [',', ';', '\t', '|']) {
    const n = unquoted.split(d).length - 1
    if (n > most) {
      most = n
      best = d
    }
  }
  return best
}

const MAX_SAMPLES = 3
const RAW_MAX = 500
const clip = (raw: string): string => (raw.length > RAW_MAX ? `${raw.slice(0, RAW_MAX - 1)}…` : raw).replace(/\r?\n$/, '')

/** Google writes several values in one cell as "a ::: b". */
const splitValues = (cell: string): string[] =>
  cell
    .split(' ::: ')
    .map((v) => v.trim())
    .filter((v) => v.length > 0)

function draftOf(cells: readonly string[], targets: readonly ColumnTarget[]): DraftContact {
  let name = ''
  const parts = { firstName: '', middleName: '', lastName: '' }
  const company: string[] = []
  const notes: string[] = []
  const numbers: { label: string; number: string }[] = []
  const paired = new Map<string, { label: string; values: string[] }>()
  targets.forEach((target, i) => {
    const cell = (cells[i] ?? '').trim()
    if (cell === '' || target === 'ignore') return
    if (target === 'name') name = name === '' ? cell : `${name} ${cell}`
    else if (target === 'firstName' || target === 'middleName' || target === 'lastName') parts[target] = cell
    else if (target === 'company') company.push(cell)
    else if (target === 'notes') notes.push(cell)
    else if (target.startsWith('phone:')) for (const v of splitValues(cell)) numbers.push({ label: target.slice(6), number: v })
    else {
      const [kind, slot = ''] = target.split(':')
      const pair = paired.get(slot) ?? { label: '', values: [] }
      if (kind === 'phoneLabel') pair.label = cell.replace(/^\*\s*/, '')
      else pair.values.push(...splitValues(cell))
      paired.set(slot, pair)
    }
  })
  for (const pair of paired.values()) for (const v of pair.values) numbers.push({ label: pair.label.toLowerCase(), number: v })
  if (name === '') name = [parts.firstName, parts.middleName, parts.lastName].filter((p) => p !== '').join(' ')
  return { name, company: company.join(', '), numbers, notes: notes.join('\n') }
}

/**
 * Reads a CSV file: the first record is the header. `mapping` (by column index) overrides the
 * guessed targets. Records the parser cannot read (a quote never closed) become errors with their
 * text; the rest become drafts with their first line number.
 */
export function readCsv(text: string, mapping?: readonly ColumnTarget[]): ParsedFile {
  const delimiter = detectDelimiter(text)
  const skipped: { line: number; raw: string; message: string }[] = []
  const rows = parse(text, {
    delimiter,
    bom: true,
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: { code?: string; lines?: number; message: string } | undefined, raw: string | undefined) => {
      const line = err?.lines ?? 0
      const why = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? t('rowQuoteNotClosed') : (err?.message ?? t('rowUnreadable'))
      skipped.push({ line, raw: clip(raw ?? ''), message: why })
    },
  }) as unknown as { record: string[]; raw: string; info: { lines: number } }[]
  const [head, ...body] = rows
  if (head === undefined) return { columns: [], records: [], unreadable: skipped }
  // A row of empty cells (a spreadsheet's blank line) holds nothing to import or to lose.
  const filled = body.filter((r) => r.record.some((cell) => cell.trim() !== ''))
  const guessed = head.record.map(guessTarget)
  const targets = head.record.map((_, i) => mapping?.[i] ?? guessed[i] ?? 'ignore')
  const columns: ImportColumn[] = head.record.map((header, i) => ({
    index: i,
    header: header.replace(/^\uFEFF/, '').trim(),
    target: targets[i] ?? 'ignore',
    samples: filled
      .map((r) => (r.record[i] ?? '').trim())
      .filter((v) => v !== '')
      .slice(0, MAX_SAMPLES),
  }))
  const records: ParsedRecord[] = filled.map((r) => {
    const newlines = r.raw.replace(/\r?\n$/, '').split('\n').length - 1
    const line = r.info.lines - newlines
    const extra = r.record.length > head.record.length ? r.record.slice(head.record.length).filter((c) => c.trim() !== '') : []
    const draft = draftOf(r.record, targets)
    if (extra.length === 0) return { line, raw: clip(r.raw), draft, warnings: [] }
    return {
      line,
      raw: clip(r.raw),
      draft: { ...draft, notes: [draft.notes, ...extra].filter((n) => n !== '').join('\n') },
      warnings: [t('rowExtraValues', { count: extra.length })],
    }
  })
  return { columns, records, unreadable: skipped }
}
