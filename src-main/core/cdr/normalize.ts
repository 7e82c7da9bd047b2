// Turns one source record into the row the store writes: UTC instants, caller-ID parts, derived
// columns, identity. Throws a RangeError with a readable reason for a record it cannot store.
import { type CompiledDirectionRule, deriveDirection, deriveMissed, deriveQueue, deriveTimes, parseCallerId } from './derive'
import { identityKey } from './identity'
import { toUtcMs } from './time'
import type { StoredColumn } from './columns'
import type { CdrRecord, CdrRow, CdrSource } from './types'

/**
 * What the store writes for one record: the stored columns (times in UTC epoch seconds) plus the
 * identity hash and the source.
 */
export type NormalizedCdr = { [K in StoredColumn]: CdrRow[K] } & {
  identA: number
  identB: number
  source: CdrSource
}

function str(v: unknown, field: string): string {
  if (v === undefined || v === null) return ''
  if (typeof v !== 'string') throw new RangeError(`${field} must be a string`)
  return v
}

function optStr(v: unknown, field: string): string | null {
  if (v === undefined || v === null || v === '') return null
  if (typeof v !== 'string') throw new RangeError(`${field} must be a string`)
  return v
}

function count(v: unknown, field: string): number {
  if (v === undefined || v === null) return 0
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new RangeError(`${field} must be a non-negative integer`)
  return v
}

function optTime(v: unknown, field: string, timeZone: string): number | null {
  if (v === undefined || v === null || v === '') return null
  if (typeof v !== 'string' && typeof v !== 'number') throw new RangeError(`${field} must be a time`)
  return toUtcMs(v, timeZone) / 1000
}

const MAX_START_SECONDS = 2 ** 33
const SOURCES: readonly CdrSource[] = ['ami', 'freepbx', 'import']

export function normalizeCdr(profileId: string, r: CdrRecord, timeZone: string, rule: CompiledDirectionRule): NormalizedCdr {
  const uniqueid = str(r.uniqueid, 'uniqueid').trim()
  if (uniqueid === '') throw new RangeError('uniqueid is empty')
  const start = optTime(r.start, 'start', timeZone)
  if (start === null) throw new RangeError('start is missing')
  if (start < 0 || start >= MAX_START_SECONDS) throw new RangeError('start is out of range')
  const duration = count(r.duration, 'duration')
  const billsec = count(r.billsec, 'billsec')
  const end = optTime(r.end, 'end', timeZone) ?? start + duration
  const answer = optTime(r.answer, 'answer', timeZone)
  const clid = str(r.clid, 'clid')
  const parsed = parseCallerId(clid)
  const cnam = optStr(r.cnam, 'cnam') ?? parsed.name
  const cnum = optStr(r.cnum, 'cnum') ?? parsed.number
  const src = str(r.src, 'src')
  const dst = str(r.dst, 'dst')
  const dcontext = str(r.dcontext, 'dcontext')
  const channel = str(r.channel, 'channel')
  const dstchannel = str(r.dstchannel, 'dstchannel')
  const lastapp = str(r.lastapp, 'lastapp')
  const lastdata = str(r.lastdata, 'lastdata')
  const disposition = str(r.disposition, 'disposition').toUpperCase()
  let sequence: number | null = null
  if (r.sequence !== undefined && r.sequence !== null) {
    if (!Number.isInteger(r.sequence)) throw new RangeError('sequence must be an integer')
    sequence = r.sequence
  }
  const source = r.source ?? 'import'
  if (!SOURCES.includes(source)) throw new RangeError('source is not ami, freepbx or import')
  // The leg alone; a queue leg bridged to a Local member is completed once the member's leg is
  // stored (pairing.ts), which may change wait, talk and missed.
  const times = deriveTimes({ disposition, duration, billsec, end, lastapp, dstchannel })
  const [identA, identB] = identityKey({ profileId, uniqueid, startMs: start * 1000, channel, dstchannel, duration })
  return {
    identA,
    identB,
    start,
    answer,
    end,
    clid,
    src,
    dst,
    dcontext,
    channel,
    dstchannel,
    lastapp,
    lastdata,
    duration,
    billsec,
    disposition,
    amaflags: str(r.amaflags, 'amaflags'),
    accountcode: str(r.accountcode, 'accountcode'),
    uniqueid,
    linkedid: optStr(r.linkedid, 'linkedid'),
    userfield: str(r.userfield, 'userfield'),
    sequence,
    recordingfile: optStr(r.recordingfile, 'recordingfile'),
    cnam,
    cnum,
    did: optStr(r.did, 'did'),
    source,
    direction: deriveDirection({ src, cnum, dst, dcontext }, rule),
    queue: deriveQueue({ lastapp, lastdata, dcontext, dst }),
    missed: deriveMissed({ disposition, lastapp, dstchannel }, times),
    wait: times.wait,
    talk: times.talk,
  }
}
