/**
 * One AMI message (action, response or event) and the serializer for outgoing ones.
 *
 * API
 *   class AmiMessage
 *     new AmiMessage(keys: string[], values: string[], textLines?: string[])
 *     AmiMessage.from(fields: AmiFieldsInput): AmiMessage
 *     .size                      number of fields
 *     .keyAt(i) / .valueAt(i)    i-th field, in wire order, key spelled as sent
 *     .fields()                  Array<[key, value]> in wire order (repeated keys kept)
 *     .get(key)                  first value for key, case-insensitive (`Uniqueid` = `UniqueID`)
 *     .getAll(key)               every value for key, in order (ChanVariable, Variable, Output…)
 *     .has(key)
 *     .event / .response / .actionId    shorthands for get('Event') / get('Response') / get('ActionID')
 *     .textLines                 lines that were not `Key: value` (stray text such as the
 *                                IAXnetstats answer); empty for normal messages
 *     .toObject()                { key: value | value[] } (first spelling of a key wins), for logs/tests
 *
 *   formatMessage(fields: AmiFieldsInput): string   `Key: Value\r\n` … `\r\n`
 *   formatAction(action: string, fields?: AmiFieldsInput, opts?): string
 *       Both THROW AmiError('invalid_action') — before anything is written — when a key is not a
 *       token ([A-Za-z0-9-]+) or a value holds CR, LF or NUL (AMI header injection, see
 *       security-reliability.md §2.5). formatAction also refuses lines longer than Asterisk's
 *       1024-byte input line (Asterisk would reject them after the fact). Error messages name the
 *       key, never the value (it may be a secret).
 *
 *   AmiFieldsInput = AmiMessage
 *                  | Iterable<readonly [string, AmiScalar]>            ordered pairs, repeats allowed
 *                  | Record<string, AmiScalar | readonly AmiScalar[] | undefined>
 *                                                   arrays become repeated keys; undefined is skipped
 *   AmiScalar = string | number | boolean   (booleans are written `true` / `false`)
 */
import { AmiError } from './errors'

export type AmiScalar = string | number | boolean

export type AmiFieldsInput =
  AmiMessage | Iterable<readonly [string, AmiScalar]> | Readonly<Record<string, AmiScalar | readonly AmiScalar[] | undefined>>

const EMPTY: readonly string[] = Object.freeze([])

export class AmiMessage {
  /** Keys as sent, in wire order. Kept as parallel arrays: ingest creates millions of messages and
   *  a [key, value] tuple per field would double the allocations. */
  private readonly keys: readonly string[]
  private readonly values: readonly string[]
  readonly textLines: readonly string[]
  /**
   * A 64-bit fingerprint (two 32-bit halves) of the key sequence, computed by the framer while it
   * scans the keys anyway; 0 when unknown (messages built in code). Asterisk sends the same keys
   * in the same order for an event type, so typed-event parsing reuses its key mapping when the
   * fingerprint repeats instead of comparing every key string again.
   */
  readonly keyHash: number
  readonly keyHash2: number

  constructor(keys: readonly string[], values: readonly string[], textLines: readonly string[] = EMPTY, keyHash = 0, keyHash2 = 0) {
    if (keys.length !== values.length) throw new RangeError('AmiMessage: keys and values differ in length')
    this.keys = keys
    this.values = values
    this.textLines = textLines
    this.keyHash = keyHash
    this.keyHash2 = keyHash2
  }

  static from(fields: AmiFieldsInput): AmiMessage {
    if (fields instanceof AmiMessage) return fields
    const keys: string[] = []
    const values: string[] = []
    for (const [k, v] of pairsOf(fields)) {
      keys.push(k)
      values.push(scalarToString(v))
    }
    return new AmiMessage(keys, values)
  }

  get size(): number {
    return this.keys.length
  }

  keyAt(index: number): string | undefined {
    return this.keys[index]
  }

  valueAt(index: number): string | undefined {
    return this.values[index]
  }

  fields(): Array<[string, string]> {
    const out: Array<[string, string]> = []
    for (let i = 0; i < this.keys.length; i++) out.push([this.keys[i] as string, this.values[i] as string])
    return out
  }

  /** Index of the first field named `key` (case-insensitive, as Asterisk's own header lookup), or
   *  -1. One pass: most keys differ in length and are skipped without reading a character (this
   *  runs for every event, e.g. the client's ActionID lookup, which most events lack). */
  indexOf(key: string, from = 0): number {
    const keys = this.keys
    const n = key.length
    for (let i = from; i < keys.length; i++) {
      const k = keys[i] as string
      if (k.length === n && (k === key || sameIgnoringCase(k, key))) return i
    }
    return -1
  }

  get(key: string): string | undefined {
    const i = this.indexOf(key)
    return i === -1 ? undefined : this.values[i]
  }

  getAll(key: string): string[] {
    const out: string[] = []
    const n = key.length
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] as string
      if (k === key || (k.length === n && sameIgnoringCase(k, key))) out.push(this.values[i] as string)
    }
    return out
  }

  has(key: string): boolean {
    return this.indexOf(key) !== -1
  }

  get event(): string | undefined {
    // Event is the first key of every event Asterisk sends; check that before the general lookup.
    if (this.keys[0] === 'Event') return this.values[0]
    return this.get('Event')
  }

  get response(): string | undefined {
    if (this.keys[0] === 'Response') return this.values[0]
    return this.get('Response')
  }

  get actionId(): string | undefined {
    return this.get('ActionID')
  }

  toObject(): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>
    const seen = new Map<string, string>()
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i] as string
      const v = this.values[i] as string
      const lower = k.toLowerCase()
      const spelled = seen.get(lower)
      if (spelled === undefined) {
        seen.set(lower, k)
        out[k] = v
      } else {
        const prev = out[spelled]
        if (Array.isArray(prev)) prev.push(v)
        else out[spelled] = prev === undefined ? v : [prev, v]
      }
    }
    return out
  }
}

/** ASCII case-insensitive equality of two strings of the same length, without allocating (this
 *  runs for every key of every event that lacks the looked-up key). Non-ASCII compares exactly. */
function sameIgnoringCase(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    const lx = x >= 65 && x <= 90 ? x + 32 : x
    const ly = y >= 65 && y <= 90 ? y + 32 : y
    if (lx !== ly) return false
  }
  return true
}

function scalarToString(v: AmiScalar): string {
  return typeof v === 'string' ? v : String(v)
}

function* pairsOf(fields: Exclude<AmiFieldsInput, AmiMessage>): Generator<readonly [string, AmiScalar]> {
  if (isIterable(fields)) {
    yield* fields
    return
  }
  for (const key of Object.keys(fields)) {
    const v = fields[key]
    if (v === undefined) continue
    if (Array.isArray(v)) {
      for (const item of v as readonly AmiScalar[]) yield [key, item]
    } else {
      yield [key, v as AmiScalar]
    }
  }
}

function isIterable(x: unknown): x is Iterable<readonly [string, AmiScalar]> {
  return typeof x === 'object' && x !== null && typeof (x as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function'
}

/** Keys allowed in what we write: plain tokens only (§2.5: refuse header names outside [A-Za-z0-9-]). */
const TOKEN = /^[A-Za-z0-9-]+$/
/** CR and LF end an AMI line; NUL truncates C strings on the PBX side. */
const FORBIDDEN_IN_VALUE = /[\r\n\0]/

/** Asterisk reads action lines into a 1025-byte buffer ("Failed to parse message: line too long"). */
export const AMI_MAX_ACTION_LINE_BYTES = 1024

export interface FormatOptions {
  /** Refuse any `Key: value` line longer than this many UTF-8 bytes (formatAction default 1024). */
  readonly maxLineBytes?: number
}

export function formatMessage(fields: AmiFieldsInput, opts: FormatOptions = {}): string {
  const maxLine = opts.maxLineBytes ?? Infinity
  let out = ''
  const iter: Iterable<readonly [string, AmiScalar]> = fields instanceof AmiMessage ? fields.fields() : pairsOf(fields)
  for (const [key, raw] of iter) {
    if (!TOKEN.test(key)) {
      throw new AmiError('invalid_action', `AMI key ${JSON.stringify(key.slice(0, 40))} is not a token ([A-Za-z0-9-]+)`)
    }
    const value = scalarToString(raw)
    if (FORBIDDEN_IN_VALUE.test(value)) {
      throw new AmiError('invalid_action', `AMI value of "${key}" contains CR, LF or NUL (refused: header injection)`)
    }
    const line = `${key}: ${value}\r\n`
    if (maxLine !== Infinity && Buffer.byteLength(line, 'utf8') - 2 > maxLine) {
      throw new AmiError('invalid_action', `AMI line "${key}" is longer than ${String(maxLine)} bytes`)
    }
    out += line
  }
  if (out === '') throw new AmiError('invalid_action', 'AMI message without fields')
  return out + '\r\n'
}

/** `Action: <action>` followed by the fields. An `Action` key inside `fields` is refused, so a
 *  caller cannot smuggle a second action name into one message. */
export function formatAction(action: string, fields: AmiFieldsInput = [], opts: FormatOptions = {}): string {
  const msg = AmiMessage.from(fields)
  if (msg.has('Action')) throw new AmiError('invalid_action', 'fields must not contain an Action key', { action })
  const pairs: Array<readonly [string, AmiScalar]> = [['Action', action]]
  for (let i = 0; i < msg.size; i++) pairs.push([msg.keyAt(i) as string, msg.valueAt(i) as string])
  return formatMessage(pairs, { maxLineBytes: opts.maxLineBytes ?? AMI_MAX_ACTION_LINE_BYTES })
}
