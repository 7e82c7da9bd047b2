import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { AmiFramer } from '../../../src-main/core/ami/framing'
import { formatMessage, type AmiMessage } from '../../../src-main/core/ami/message'

const MAX = 2048

/** Feeds chunks; checks the parser never throws and never delivers more than its limit. */
function run(chunks: readonly Uint8Array[]): { messages: AmiMessage[]; errors: number } {
  const messages: AmiMessage[] = []
  let errors = 0
  const f = new AmiFramer({
    expectBanner: false,
    maxMessageBytes: MAX,
    onMessage: (m) => {
      let units = 0
      for (const [k, v] of m.fields()) units += k.length + v.length + 3
      for (const t of m.textLines) units += t.length + 1
      expect(units).toBeLessThanOrEqual(MAX + 2)
      messages.push(m)
    },
    onProtocolError: () => {
      errors++
    },
  })
  for (const c of chunks) f.push(Buffer.from(c))
  f.end()
  return { messages, errors }
}

const hostileByte = fc.constantFrom(0x0d, 0x0a, 0x3a, 0x20, 0x00, 0xc3, 0xa9, 0xe6, 0x9d, 0xf0, 0xff, 0x45, 0x76)
const hostileBytes = fc.array(fc.oneof(hostileByte, fc.integer({ min: 0, max: 255 })), { maxLength: 6000 })

const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/)
const value = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((v) => !/[\r\n\0]/.test(v))
const goodMessage = fc.array(fc.tuple(key, value), { minLength: 1, maxLength: 8 })

describe('framing fuzz (fast-check, seeded)', () => {
  it('random and hostile bytes, any chunking: never throws, never exceeds the limit', () => {
    fc.assert(
      fc.property(hostileBytes, fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 20 }), (bytes, cuts) => {
        const buf = Uint8Array.from(bytes)
        const chunks: Uint8Array[] = []
        let pos = 0
        let i = 0
        while (pos < buf.length) {
          const n = cuts[i++ % cuts.length] as number
          chunks.push(buf.subarray(pos, pos + n))
          pos += n
        }
        run(chunks)
      }),
      { seed: 4242, numRuns: 300 },
    )
  })

  it('well-formed messages round-trip through formatMessage and any chunking', () => {
    fc.assert(
      fc.property(fc.array(goodMessage, { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 64 }), (msgs, step) => {
        const bytes = Buffer.from(msgs.map((m) => formatMessage(m)).join(''), 'utf8')
        const chunks: Uint8Array[] = []
        for (let p = 0; p < bytes.length; p += step) chunks.push(bytes.subarray(p, p + step))
        const { messages, errors } = run(chunks)
        expect(errors).toBe(0)
        expect(messages.map((m) => m.fields())).toEqual(msgs.map((m) => m.map(([k, v]) => [k, v])))
      }),
      { seed: 7, numRuns: 300 },
    )
  })

  it('resumes after garbage or an oversized message: a good message that follows a blank line is delivered', () => {
    fc.assert(
      fc.property(hostileBytes, goodMessage, (junk, good) => {
        const tail = Buffer.from('\r\n\r\n' + formatMessage(good), 'utf8')
        const { messages } = run([Uint8Array.from(junk), tail])
        const last = messages[messages.length - 1]
        expect(last?.fields()).toEqual(good.map(([k, v]) => [k, v]))
      }),
      { seed: 99, numRuns: 300 },
    )
  })
})
