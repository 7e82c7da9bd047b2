/**
 * AMI framing: bytes in, AmiMessage out. Used by the client (server → us) and by any server-side
 * code that parses the actions a client writes (set `expectBanner: false`).
 *
 * API
 *   const framer = new AmiFramer({
 *     onMessage: (msg: AmiMessage) => void,          every complete message, in order
 *     onBanner?: (line: string) => void,              `Asterisk Call Manager/11.0.0` (client side)
 *     onProtocolError?: (err: AmiFramingError) => void,
 *     expectBanner?: boolean,                         default true: first line may be the banner
 *     maxMessageBytes?: number,                       default 1 MiB
 *   })
 *   framer.push(chunk: Buffer)        any split: inside a key, between CR and LF, inside a character
 *   framer.end(): boolean             stream closed; true when a partial message was discarded
 *   framer.reset()                    forget everything (new connection)
 *   framer.banner                     the banner line, once seen
 *   framer.protocolVersion            `11.0.0` from the banner, once seen
 *   parseAmiBytes(bytes, opts?)       convenience: all messages of a complete byte string
 *
 * Rules (the captures in test/fixtures/asterisk win over any other source):
 * - Lines end with CRLF or a bare LF; a message ends with an empty line. Empty lines between
 *   messages are ignored (Asterisk sometimes sends an extra `\r\n`).
 * - A line is split at its FIRST `:`; one following space is dropped; the rest (even `: ` inside,
 *   trailing padding) is the value. Keys keep their spelling; lookups are case-insensitive.
 * - Values are decoded as UTF-8 with U+FFFD for invalid sequences, per line (CR, LF and `:` are
 *   ASCII, so an invalid byte never swallows a delimiter, and a character split across reads is
 *   decoded whole because only complete lines are decoded).
 * - A line that is not `Key: value` (key empty or containing blanks) is stray text, e.g. the
 *   IAXnetstats answer. Stray text never joins a keyed message: it is delivered as its own message
 *   with only `textLines`, and a keyed line after it starts a new message — so the stream
 *   resynchronises on the next `Event:`/`Response:` line.
 * - `Response: Follows` (Asterisk ≤ 13 Command output): every line up to `--END COMMAND--` is an
 *   `Output` field, so both Command forms read the same way: msg.getAll('Output').
 * - A message (or a line) over `maxMessageBytes` is a protocol error: the partial message is
 *   dropped, the parser skips to the next empty line and continues; memory stays bounded. Sizes
 *   are counted in decoded UTF-16 code units, which never exceed the bytes received (equal for
 *   ASCII); the undecoded tail of a read is bounded in bytes.
 */
import { isAscii } from 'node:buffer'
import { AmiMessage } from './message'

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024

export type AmiFramingErrorReason = 'message_too_large' | 'line_too_long'

export interface AmiFramingError {
  readonly code: 'protocol_error'
  readonly reason: AmiFramingErrorReason
  readonly detail: string
}

export interface AmiFramerOptions {
  readonly onMessage: (msg: AmiMessage) => void
  readonly onBanner?: (line: string) => void
  readonly onProtocolError?: (err: AmiFramingError) => void
  readonly expectBanner?: boolean
  readonly maxMessageBytes?: number
}

const LF = 10
const CR = 13
const SPACE = 32
const TAB = 9
const COLON = 58
/** Seeds of the two key-sequence hashes (FNV-1a and a multiply-xorshift mix). */
const FNV_SEED = 0x811c9dc5 | 0
const MIX_SEED = 0x2545f491
const END_COMMAND = '--END COMMAND--'
/** The end of a CRLF message: its last line's LF, then the empty line. */
const MESSAGE_END = Buffer.from('\n\r\n', 'latin1')
/** Most bytes decoded into one string (a longer stretch without a message end is decoded in
 *  several pieces cut at line ends): such a string stays far below V8's large-object size. */
const PIECE = 32 * 1024
/** Bytes per decoded piece before its cut at the next message end (see decodeLines). */
const DECODE_TARGET = 1024

export class AmiFramer {
  private readonly onMessage: (msg: AmiMessage) => void
  private readonly onBanner: ((line: string) => void) | undefined
  private readonly onProtocolError: ((err: AmiFramingError) => void) | undefined
  private readonly expectBanner: boolean
  private readonly maxMessage: number

  /** Undecoded bytes after the last LF of the previous read (an incomplete line). */
  private tail: Buffer | null = null
  /** Reads without any LF that continue the tail: joined only once a line end arrives, so a long
   *  line delivered in tiny reads costs linear, not quadratic, copying. */
  private tailParts: Buffer[] = []
  private tailBytes = 0
  /** Discard bytes up to the next LF (the current line was too long). */
  private skipLine = false
  /** Discard lines up to the next empty line (the current message was too large). */
  private skipMessage = false
  private bannerPending: boolean
  private keys: string[] = []
  private values: string[] = []
  private text: string[] = []
  private units = 0
  /** Fingerprint of the current message's key sequence (see AmiMessage.keyHash). */
  private keyHash = FNV_SEED
  private keyHash2 = MIX_SEED
  private followsSeen = false
  /** Incremented by reset(), so a scan in progress notices it. */
  private generation = 0
  /** Inside `Response: Follows` output: 0 = no, 1 = headers, 2 = output lines seen. */
  private follows = 0

  banner: string | undefined
  protocolVersion: string | undefined

  constructor(opts: AmiFramerOptions) {
    this.onMessage = opts.onMessage
    this.onBanner = opts.onBanner
    this.onProtocolError = opts.onProtocolError
    this.expectBanner = opts.expectBanner ?? true
    this.bannerPending = this.expectBanner
    this.maxMessage = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
  }

  reset(): void {
    this.generation++
    this.tailParts = []
    this.tailBytes = 0
    this.followsSeen = false
    this.keyHash = FNV_SEED
    this.keyHash2 = MIX_SEED
    this.tail = null
    this.skipLine = false
    this.skipMessage = false
    this.bannerPending = this.expectBanner
    this.keys = []
    this.values = []
    this.text = []
    this.units = 0
    this.follows = 0
    this.banner = undefined
    this.protocolVersion = undefined
  }

  /** The stream ended. Returns true when an incomplete message (or line) was discarded. */
  end(): boolean {
    const partial = (this.tail !== null && this.tail.length > 0) || this.keys.length > 0 || this.text.length > 0
    const skipping = this.skipMessage
    this.reset()
    return partial && !skipping
  }

  push(chunk: Buffer): void {
    let start = 0
    if (this.tail !== null) {
      const nl = chunk.indexOf(LF)
      if (nl === -1) {
        this.tailBytes += chunk.length
        if (this.tailBytes > this.maxMessage) {
          this.lineTooLong()
          return
        }
        // Copy: the caller may reuse its buffer.
        this.tailParts.push(Buffer.from(chunk))
        return
      }
      // Join only the unfinished line with its end, not the whole read: almost every read ends
      // inside a line, and copying 64 KiB per read to finish one line is wasted work.
      this.tailParts.push(chunk.subarray(0, nl + 1))
      const head = Buffer.concat([this.tail, ...this.tailParts])
      this.dropTail()
      const generation = this.generation
      this.decodeLines(head, 0, head.length)
      if (this.generation !== generation) return
      start = nl + 1
    } else if (this.skipLine) {
      const nl = chunk.indexOf(LF)
      if (nl === -1) return
      this.skipLine = false
      start = nl + 1
    }
    const lastLf = chunk.lastIndexOf(LF)
    if (lastLf < start) {
      if (start < chunk.length) this.keepTail(chunk, start)
      return
    }
    if (lastLf + 1 < chunk.length) this.keepTail(chunk, lastLf + 1)
    this.decodeLines(chunk, start, lastLf + 1)
  }

  /**
   * Decodes and scans buf[start, end), which holds complete lines only (LF is ASCII, so no
   * character is ever cut). Pure ASCII (most reads) decodes identically as latin1, a plain copy.
   *
   * Decoded in pieces of about DECODE_TARGET bytes (one or two events), each ending at a message
   * end, rather than one string per read: the values sliced from a piece keep it alive until
   * their message is done, and the piece being scanned is alive whenever a young-generation GC
   * runs. With read-sized (64 KiB) strings that survival made V8 grow the young generation to
   * its maximum (new space 32 MiB instead of 8: peak RSS 89 MB against 58 MB for the harness's
   * buffer-scan at 1M events). 2 KiB pieces still grew it with UTF-8 streams (two-byte strings),
   * 1 KiB never did in our runs, and speed was the same. Bare-LF streams have no CRLF message end
   * and fall back to pieces of at most PIECE bytes cut at a line end; the line scanner does not
   * care where a piece ends as long as it ends at a line end.
   */
  private decodeLines(buf: Buffer, start: number, end: number): void {
    // A read with UTF-8 in it usually has it in a few values only: its pieces are checked again,
    // and the ASCII ones still take the latin1 copy.
    const ascii = isAscii(buf.subarray(start, end))
    const generation = this.generation
    let from = start
    while (from < end) {
      let cut = end
      if (end - from > DECODE_TARGET) {
        const m = buf.indexOf(MESSAGE_END, from + DECODE_TARGET)
        if (m !== -1 && m + 3 < end) cut = m + 3
      }
      if (cut - from > PIECE) {
        const lf = buf.lastIndexOf(LF, from + PIECE - 1)
        cut = lf >= from ? lf + 1 : buf.indexOf(LF, from + PIECE) + 1
      }
      this.scan(buf.toString(ascii || isAscii(buf.subarray(from, cut)) ? 'latin1' : 'utf8', from, cut))
      if (this.generation !== generation) return
      from = cut
    }
  }

  private dropTail(): void {
    this.tail = null
    this.tailParts = []
    this.tailBytes = 0
  }

  /** Drop the overlong line (up to its LF, whenever it comes). State first: the error callback
   *  may reset() us for a new connection, and that must win. */
  private lineTooLong(): void {
    this.dropTail()
    this.skipLine = true
    this.fail('line_too_long', `line longer than ${String(this.maxMessage)} bytes without a line end`)
  }

  private keepTail(buf: Buffer, from: number): void {
    const n = buf.length - from
    if (n > this.maxMessage) {
      this.lineTooLong()
      return
    }
    // Copy: the caller may reuse its buffer, and a view would pin the whole read in memory.
    this.tail = Buffer.from(buf.subarray(from))
    this.tailBytes = n
  }

  private fail(reason: AmiFramingErrorReason, detail: string): void {
    this.followsSeen = false
    this.keyHash = FNV_SEED
    this.keyHash2 = MIX_SEED
    this.keys = []
    this.values = []
    this.text = []
    this.units = 0
    this.follows = 0
    this.skipMessage = true
    this.onProtocolError?.({ code: 'protocol_error', reason, detail })
  }

  private flush(): void {
    if (this.keys.length !== 0 || this.text.length !== 0) {
      // Follows output is not hashed key by key: such a message gets no fingerprint.
      const hashed = !this.followsSeen
      const msg = new AmiMessage(
        this.keys,
        this.values,
        this.text.length === 0 ? undefined : this.text,
        hashed ? this.keyHash : 0,
        hashed ? this.keyHash2 : 0,
      )
      this.followsSeen = false
      this.keyHash = FNV_SEED
      this.keyHash2 = MIX_SEED
      this.keys = []
      this.values = []
      if (this.text.length !== 0) this.text = []
      this.units = 0
      this.follows = 0
      this.onMessage(msg)
    }
    this.units = 0
  }

  /** `s` holds complete lines only (it ends with LF). */
  private scan(s: string): void {
    const len = s.length
    const generation = this.generation
    let pos = 0
    while (pos < len) {
      pos = this.nextLine(s, pos)
      // A listener may reset() us from inside onMessage (the connection is being dropped): the
      // rest of this read belongs to the old stream and must not leak into the new one.
      if (this.generation !== generation) return
    }
  }

  /** Consumes one line; returns the position after it. */
  private nextLine(s: string, pos: number): number {
    const len = s.length
    const eol = s.indexOf('\n', pos)
    const next = eol === -1 ? len : eol + 1
    let end = eol === -1 ? len : eol
    if (end > pos && s.charCodeAt(end - 1) === CR) end--

    if (this.skipMessage) {
      if (end === pos) this.skipMessage = false
      return next
    }
    if (end === pos && this.follows === 0) {
      this.flush()
      return next
    }
    this.units += next - pos
    if (this.units > this.maxMessage) {
      this.fail('message_too_large', `message larger than ${String(this.maxMessage)} bytes`)
      // This line may itself be the empty line that ends the message.
      if (end === pos) this.skipMessage = false
      return next
    }
    if (this.follows !== 0) this.followsLine(s, pos, end)
    else this.line(s, pos, end)
    return next
  }

  private line(s: string, pos: number, end: number): void {
    const colon = s.indexOf(':', pos)
    if (colon > pos && colon < end) {
      // One pass over the key: reject blanks (stray text) and extend the key-sequence fingerprint.
      let h1 = this.keyHash
      let h2 = this.keyHash2
      for (let i = pos; i < colon; i++) {
        const c = s.charCodeAt(i)
        if (c === SPACE || c === TAB) {
          this.strayLine(s, pos, end)
          return
        }
        h1 = Math.imul(h1 ^ c, 0x01000193)
        h2 = Math.imul(h2 + c, 0x5bd1e995) ^ (h2 >>> 15)
      }
      // Pending stray text never has keys beside it, so the hashes above started from the seeds.
      if (this.text.length !== 0) this.flush()
      // A separator, so `AB`+`C` and `A`+`BC` differ.
      this.keyHash = Math.imul(h1 ^ COLON, 0x01000193)
      this.keyHash2 = Math.imul(h2 + COLON, 0x5bd1e995) ^ (h2 >>> 15)
      const key = s.slice(pos, colon)
      let vs = colon + 1
      if (vs < end && s.charCodeAt(vs) === SPACE) vs++
      const value = s.slice(vs, end)
      if (this.bannerPending) this.bannerPending = false
      this.keys.push(key)
      this.values.push(value)
      if (this.keys.length === 1 && value === 'Follows' && key.toLowerCase() === 'response') {
        this.follows = 1
        this.followsSeen = true
      }
      return
    }
    this.strayLine(s, pos, end)
  }

  private strayLine(s: string, pos: number, end: number): void {
    const line = s.slice(pos, end)
    if (this.bannerPending) {
      this.bannerPending = false
      this.banner = line
      const slash = line.lastIndexOf('/')
      this.protocolVersion = slash === -1 ? undefined : line.slice(slash + 1).trim()
      this.units = 0
      this.onBanner?.(line)
      return
    }
    if (this.keys.length !== 0) this.flush()
    this.text.push(line)
  }

  private followsLine(s: string, pos: number, end: number): void {
    let line = s.slice(pos, end)
    const isEnd = line.endsWith(END_COMMAND)
    if (isEnd) line = line.slice(0, line.length - END_COMMAND.length)
    if (this.follows === 1 && !isEnd) {
      // Privilege/ActionID come right after `Response: Follows`, before the raw output.
      const colon = line.indexOf(':')
      if (colon > 0) {
        const key = line.slice(0, colon)
        const lower = key.toLowerCase()
        if (lower === 'privilege' || lower === 'actionid') {
          this.keys.push(key)
          this.values.push(line.charCodeAt(colon + 1) === SPACE ? line.slice(colon + 2) : line.slice(colon + 1))
          return
        }
      }
    }
    this.follows = 2
    if (!isEnd || line.length !== 0) {
      this.keys.push('Output')
      // Old output lines end with a bare LF inside CRLF-less text; drop a trailing newline only.
      this.values.push(line)
    }
    if (isEnd) this.follows = 0
  }
}

export interface ParseResult {
  readonly messages: AmiMessage[]
  readonly banner: string | undefined
  readonly errors: AmiFramingError[]
  /** True when the bytes ended inside a message. */
  readonly truncated: boolean
}

export function parseAmiBytes(bytes: Buffer, opts: Omit<AmiFramerOptions, 'onMessage' | 'onBanner' | 'onProtocolError'> = {}): ParseResult {
  const messages: AmiMessage[] = []
  const errors: AmiFramingError[] = []
  const framer = new AmiFramer({ ...opts, onMessage: (m) => messages.push(m), onProtocolError: (e) => errors.push(e) })
  framer.push(bytes)
  const banner = framer.banner
  const truncated = framer.end()
  return { messages, banner, errors, truncated }
}
