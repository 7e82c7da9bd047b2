// Source records → CdrRecord. The AMI parser (another module) hands over a Cdr event's fields;
// the FreePBX client hands over fetchAllCdrs rows. Both keep the PBX's local times as strings:
// the store converts them with the profile's time zone at ingest.
import type { CdrRecord } from './types'

type Fields = Record<string, string> | ReadonlyMap<string, string>

const isMap = (f: Fields): f is ReadonlyMap<string, string> => f instanceof Map

/** Case-insensitive field lookup: Asterisk spells keys inconsistently (UniqueID vs Uniqueid). */
function lookup(fields: Fields): (key: string) => string | undefined {
  const lower = new Map<string, string>()
  const entries: [string, string][] = isMap(fields) ? Array.from(fields.entries()) : Object.entries(fields)
  for (const [k, v] of entries) {
    const lk = k.toLowerCase()
    // First occurrence wins, as in Asterisk's own header lookup.
    if (!lower.has(lk)) lower.set(lk, v)
  }
  return (key) => lower.get(key.toLowerCase())
}

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const t = v.trim()
  if (!/^\d+$/.test(t)) return undefined
  return Number(t)
}

/**
 * Maps an AMI `Cdr` event (cdr_manager) to a record. Keys: UniqueID, Source, Destination,
 * DestinationContext, CallerID, Channel, DestinationChannel, LastApplication, LastData,
 * StartTime, AnswerTime, EndTime, Duration, BillableSeconds, Disposition, AMAFlags,
 * AccountCode, UserField, and LinkedID / Sequence / DID / RecordingFile when cdr_manager.conf
 * [mappings] adds them. Values are trimmed (Asterisk can leave a stray '\n' before CRLF).
 */
export function cdrFromAmiFields(fields: Fields): CdrRecord {
  const get = lookup(fields)
  const s = (key: string): string => (get(key) ?? '').trim()
  const opt = (key: string): string | null => {
    const v = get(key)?.trim()
    return v === undefined || v === '' ? null : v
  }
  const answer = s('AnswerTime')
  const end = s('EndTime')
  return {
    uniqueid: s('UniqueID'),
    start: s('StartTime'),
    answer: answer === '' ? null : answer,
    end: end === '' ? null : end,
    clid: s('CallerID'),
    src: s('Source'),
    dst: s('Destination'),
    dcontext: s('DestinationContext'),
    channel: s('Channel'),
    dstchannel: s('DestinationChannel'),
    lastapp: s('LastApplication'),
    lastdata: s('LastData'),
    duration: int(get('Duration')) ?? 0,
    billsec: int(get('BillableSeconds')) ?? 0,
    disposition: s('Disposition'),
    amaflags: s('AMAFlags'),
    accountcode: s('AccountCode'),
    userfield: s('UserField'),
    linkedid: opt('LinkedID'),
    sequence: int(get('Sequence')) ?? null,
    did: opt('DID'),
    recordingfile: opt('RecordingFile'),
    source: 'ami',
  }
}

/** A row of FreePBX GraphQL `fetchAllCdrs { cdrs { … } }` (freepbx-api.md §3.8). Fields may be absent or null. */
export interface FreepbxCdrRow {
  id?: string | number | null
  uniqueid?: string | null
  calldate?: string | null
  timestamp?: string | number | null
  clid?: string | null
  src?: string | null
  dst?: string | null
  dcontext?: string | null
  channel?: string | null
  dstchannel?: string | null
  lastapp?: string | null
  lastdata?: string | null
  duration?: string | number | null
  billsec?: string | number | null
  disposition?: string | null
  amaflags?: string | number | null
  accountcode?: string | null
  userfield?: string | null
  did?: string | null
  recordingfile?: string | null
  cnum?: string | null
  cnam?: string | null
  outbound_cnum?: string | null
  outbound_cnam?: string | null
  dst_cnam?: string | null
  linkedid?: string | null
  peeraccount?: string | null
  sequence?: string | number | null
}

function num(v: string | number | null | undefined): number | undefined {
  if (v === null || v === undefined) return undefined
  if (typeof v === 'number') return Number.isInteger(v) && v >= 0 ? v : undefined
  return int(v)
}

// The CDR database stores amaflags as a number (cdr_adaptive_odbc), the AMI event as text.
const AMA_FLAGS: Record<string, string> = { '1': 'OMIT', '2': 'BILLING', '3': 'DOCUMENTATION' }

/**
 * Maps a FreePBX CDR row. `calldate` is the CDR start in the PBX's local time (no end or answer
 * column in asteriskcdrdb: end = start + duration; answer unknown). Throws RangeError for a row
 * without uniqueid or calldate — it could never be matched with its AMI copy.
 */
export function cdrFromFreepbx(row: FreepbxCdrRow): CdrRecord {
  const uniqueid = (row.uniqueid ?? '').trim()
  const calldate = (row.calldate ?? '').trim()
  if (uniqueid === '' || calldate === '') throw new RangeError('FreePBX CDR row lacks uniqueid or calldate')
  const ama = row.amaflags === null || row.amaflags === undefined ? '' : String(row.amaflags)
  const seq = num(row.sequence)
  const blankToNull = (v: string | null | undefined): string | null => (v === null || v === undefined || v.trim() === '' ? null : v)
  return {
    uniqueid,
    start: calldate,
    answer: null,
    end: null,
    clid: row.clid ?? '',
    src: row.src ?? '',
    dst: row.dst ?? '',
    dcontext: row.dcontext ?? '',
    channel: row.channel ?? '',
    dstchannel: row.dstchannel ?? '',
    lastapp: row.lastapp ?? '',
    lastdata: row.lastdata ?? '',
    duration: num(row.duration) ?? 0,
    billsec: num(row.billsec) ?? 0,
    disposition: row.disposition ?? '',
    amaflags: AMA_FLAGS[ama] ?? ama,
    accountcode: row.accountcode ?? '',
    userfield: row.userfield ?? '',
    linkedid: blankToNull(row.linkedid),
    sequence: seq ?? null,
    recordingfile: blankToNull(row.recordingfile),
    cnam: blankToNull(row.cnam),
    cnum: blankToNull(row.cnum),
    did: blankToNull(row.did),
    source: 'freepbx',
  }
}
