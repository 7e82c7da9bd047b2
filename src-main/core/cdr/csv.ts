// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and formula injection neutralised.
// A caller-ID name like `=HYPERLINK("http://evil","Call me")` must show as text in Excel or
// LibreOffice, not run: any cell starting with = + - @ TAB or CR gets a leading apostrophe
// (the OWASP "CSV injection" advice), which spreadsheets display as text.
import { formatLocal } from './time'
import type { CdrRow } from './types'

const FORMULA_START = /^[=+\-@\t\r]/

/**
 * Prefixes an apostrophe to a formula-looking value. A value that already starts with an
 * apostrophe gets one too, so the mapping stays reversible (restoreFormula).
 */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) || value.startsWith("'") ? `'${value}` : value
}

/** Inverse of neutraliseFormula, for readers that want the PBX's original value back. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") ? cell.slice(1) : cell
}

export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const safe = neutraliseFormula(value)
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function csvLine(cells: (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`
}

/**
 * Columns a supervisor expects: local times first, then the CDR fields, then derived ones. `wait`
 * and `talk` (seconds) split billsec where the PBX answered before a queue or IVR (derive.ts).
 */
export const CSV_HEADER = [
  'start_local',
  'answer_local',
  'end_local',
  'start_utc',
  'direction',
  'disposition',
  'missed',
  'src',
  'cnam',
  'cnum',
  'dst',
  'did',
  'queue',
  'duration',
  'billsec',
  'wait',
  'talk',
  'clid',
  'dcontext',
  'channel',
  'dstchannel',
  'lastapp',
  'lastdata',
  'accountcode',
  'amaflags',
  'userfield',
  'uniqueid',
  'linkedid',
  'sequence',
  'recordingfile',
] as const

export function csvRow(r: CdrRow, timeZone: string): string {
  return csvLine([
    formatLocal(r.start, timeZone),
    r.answer === null ? null : formatLocal(r.answer, timeZone),
    formatLocal(r.end, timeZone),
    new Date(r.start).toISOString(),
    r.direction,
    r.disposition,
    r.missed ? 'yes' : 'no',
    r.src,
    r.cnam,
    r.cnum,
    r.dst,
    r.did,
    r.queue,
    r.duration,
    r.billsec,
    r.wait,
    // Empty when the stored rows do not tell (a queue member's leg not cached): never a guess.
    r.talk,
    r.clid,
    r.dcontext,
    r.channel,
    r.dstchannel,
    r.lastapp,
    r.lastdata,
    r.accountcode,
    r.amaflags,
    r.userfield,
    r.uniqueid,
    r.linkedid,
    r.sequence,
    r.recordingfile,
  ])
}

/** UTF-8 byte order mark: without it Excel reads a UTF-8 CSV as the local code page. */
export const UTF8_BOM = '\uFEFF'
