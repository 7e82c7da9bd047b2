// A batch of CDRs normalised on the caller's thread and packed into flat columns for the worker.
//
// Why here and not in the worker: ingest has two cores to use. The caller's thread normalises
// batch k+1 (time conversion, caller-ID parsing, identity hash) while the worker writes batch k.
// Why flat columns: one Float64Array (transferred, not copied) and one JSON array of strings
// cost a fraction of cloning or JSON-encoding one object per record with its field names.
import { ASTERISK_CDR_TEXT_COLUMNS } from './columns'
import { compileDirectionRule, foldCase, searchText } from './derive'
import { normalizeCdr, type NormalizedCdr } from './normalize'
import { assertTimeZone } from './time'
import type { CdrRecord, IngestOptions, IngestResult } from './types'

/** Numeric fields of a normalised row (null travels as NaN; `missed` as 0/1). */
export const NUMBER_FIELDS = ['identA', 'identB', 'start', 'answer', 'end', 'duration', 'billsec', 'sequence', 'missed', 'wait', 'talk'] as const
/** Text fields of a normalised row (null travels as null). */
export const STRING_FIELDS = [
  'source',
  ...ASTERISK_CDR_TEXT_COLUMNS,
  'uniqueid',
  'linkedid',
  'userfield',
  'recordingfile',
  'cnam',
  'cnum',
  'did',
  'direction',
  'queue',
] as const satisfies readonly (keyof NormalizedCdr)[]

export type PackedField = (typeof NUMBER_FIELDS)[number] | (typeof STRING_FIELDS)[number]
/** Compile-time proof that the two lists cover NormalizedCdr: names a forgotten field, else `true`. */
type Unpacked = Exclude<keyof NormalizedCdr, PackedField>
export const COVERS_NORMALIZED_CDR: [Unpacked] extends [never] ? true : Unpacked = true

export const NUMBER_WIDTH = NUMBER_FIELDS.length
export const STRING_WIDTH = STRING_FIELDS.length

export interface PackedBatch {
  /** Rows packed (records that normalised). */
  count: number
  /** Index in the caller's records array of each packed row (rejections are reported by it). */
  indexes: Int32Array
  /** count × NUMBER_WIDTH, row-major. */
  numbers: Float64Array
  /** JSON text of a (string | null)[] of count × STRING_WIDTH, row-major. */
  strings: string
  /** JSON text of the count full-text index texts (folded searchText), built here to unload the writer. */
  texts: string
}

export interface PackResult {
  batch: PackedBatch
  /** Records that could not be normalised, with why. */
  rejected: IngestResult['rejected']
}

/**
 * Normalises and packs `records`. Throws RangeError for a bad zone or direction rule (the whole
 * call is wrong); a malformed record is rejected alone.
 */
export function packBatch(profileId: string, records: readonly CdrRecord[], opts: IngestOptions): PackResult {
  assertTimeZone(opts.timeZone)
  let rule
  try {
    rule = compileDirectionRule(opts.direction)
  } catch (err) {
    throw new RangeError(`direction.internalPattern is not a valid pattern: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
  }
  const numbers = new Float64Array(records.length * NUMBER_WIDTH)
  const indexes = new Int32Array(records.length)
  const strings: (string | null)[] = []
  const texts: string[] = []
  const rejected: IngestResult['rejected'] = []
  let count = 0
  let layout: ValueLayout | undefined
  for (let i = 0; i < records.length; i++) {
    const rec: unknown = records[i]
    let n: NormalizedCdr
    try {
      // Callers are typed, but records come from the network (AMI, FreePBX) through adapters.
      if (typeof rec !== 'object' || rec === null) throw new RangeError('not a record')
      n = normalizeCdr(profileId, rec as CdrRecord, opts.timeZone, rule)
    } catch (err) {
      rejected.push({ index: i, reason: err instanceof Error ? err.message : String(err) })
      continue
    }
    // Every normalised row has the same shape, so its values come in one order: one
    // Object.values call and fixed positions instead of thirty keyed property reads.
    layout ??= valueLayout(n)
    const values: (string | number | boolean | null)[] = Object.values(n)
    const o = count * NUMBER_WIDTH
    for (let f = 0; f < NUMBER_WIDTH; f++) {
      const v = values[layout.numbers[f] ?? 0] ?? null
      numbers[o + f] = v === null ? NaN : typeof v === 'number' ? v : v === true ? 1 : 0
    }
    for (let f = 0; f < STRING_WIDTH; f++) strings.push((values[layout.strings[f] ?? 0] ?? null) as string | null)
    texts.push(foldCase(searchText(n)))
    indexes[count] = i
    count++
  }
  return {
    batch: {
      count,
      indexes: indexes.slice(0, count),
      numbers: numbers.slice(0, count * NUMBER_WIDTH),
      strings: JSON.stringify(strings),
      texts: JSON.stringify(texts),
    },
    rejected,
  }
}

interface ValueLayout {
  numbers: number[]
  strings: number[]
}

/** Where each packed field sits in Object.values() of a normalised row. */
function valueLayout(n: NormalizedCdr): ValueLayout {
  const keys = Object.keys(n)
  const at = (f: string): number => {
    const k = keys.indexOf(f)
    if (k < 0) throw new Error(`normalised row has no ${f}`)
    return k
  }
  return { numbers: NUMBER_FIELDS.map(at), strings: STRING_FIELDS.map(at) }
}

/** Column index of a field in its array, for readers of a packed batch. */
export function numberIndex(f: (typeof NUMBER_FIELDS)[number]): number {
  return NUMBER_FIELDS.indexOf(f)
}
export function stringIndex(f: (typeof STRING_FIELDS)[number]): number {
  return STRING_FIELDS.indexOf(f)
}

/** Checks a batch that crossed the thread boundary and returns its strings and index texts. */
export function unpackStrings(b: PackedBatch): { strings: (string | null)[]; texts: string[] } {
  // Typed for the caller, but it crossed a thread boundary: check before trusting it.
  if (typeof b !== 'object' || typeof b.strings !== 'string' || typeof b.texts !== 'string') throw new RangeError('packed batch: not a batch')
  if (!Number.isInteger(b.count) || b.count < 0) throw new RangeError('packed batch: bad count')
  if (!(b.numbers instanceof Float64Array) || b.numbers.length !== b.count * NUMBER_WIDTH) throw new RangeError('packed batch: bad numbers')
  if (!(b.indexes instanceof Int32Array) || b.indexes.length !== b.count) throw new RangeError('packed batch: bad indexes')
  const strings: unknown = JSON.parse(b.strings)
  if (!Array.isArray(strings) || strings.length !== b.count * STRING_WIDTH) throw new RangeError('packed batch: bad strings')
  const texts: unknown = JSON.parse(b.texts)
  if (!Array.isArray(texts) || texts.length !== b.count) throw new RangeError('packed batch: bad texts')
  return { strings: strings as (string | null)[], texts: texts as string[] }
}
