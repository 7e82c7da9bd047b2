import { describe, expect, it } from 'vitest'
import { redact, redactDeep } from '../../../src-main/core/secrets'

describe('redact', () => {
  it('removes raw, URL-encoded, JSON-escaped and base64 forms of each secret', () => {
    const secret = 'p@ss w"rd/1'
    const text = [
      `login secret=${secret}`,
      `url ?key=${encodeURIComponent(secret)}`,
      `json ${JSON.stringify({ secret })}`,
      `basic ${Buffer.from(secret).toString('base64')}`,
    ].join('\n')
    const out = redact(text, [secret])
    expect(out).not.toContain(secret)
    expect(out).not.toContain(encodeURIComponent(secret))
    expect(out).not.toContain(Buffer.from(secret).toString('base64'))
    expect(out.match(/\[redacted\]/g)).toHaveLength(4)
  })

  it('removes the longer of overlapping secrets whole and ignores empty ones', () => {
    expect(redact('abc-abcdef', ['abc', 'abcdef', ''])).toBe('[redacted]-[redacted]')
    expect(redact('nothing here', [])).toBe('nothing here')
  })

  it('redacts every string inside a structure', () => {
    expect(redactDeep({ a: 'x-secret1', b: ['secret1', 3], c: { d: null } }, ['secret1'])).toEqual({
      a: 'x-[redacted]',
      b: ['[redacted]', 3],
      c: { d: null },
    })
  })
})
