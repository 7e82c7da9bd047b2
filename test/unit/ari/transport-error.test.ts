import { describe, expect, it } from 'vitest'
import { AmiError } from '../../../src-main/core/ami/errors'
import { TransportError, classifyNetworkFailure, isAvailabilityFailure } from '../../../src-main/core/net/transport-error'

function coded(code: string, cause?: unknown): Error {
  return Object.assign(new Error(`boom ${code}`), { code, cause })
}

describe('classifyNetworkFailure', () => {
  const cases: Array<[string, unknown, string, string | undefined]> = [
    ['refused', coded('ECONNREFUSED'), 'refused', undefined],
    ['refused wrapped by undici', Object.assign(new Error('fetch failed'), { cause: coded('ECONNREFUSED') }), 'refused', undefined],
    ['happy-eyeballs aggregate', Object.assign(new AggregateError([coded('ECONNREFUSED')]), {}), 'refused', undefined],
    ['connect timeout', coded('UND_ERR_CONNECT_TIMEOUT'), 'timeout', undefined],
    ['self-signed', coded('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls', 'untrusted'],
    ['unknown issuer', coded('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), 'tls', 'untrusted'],
    ['altname', coded('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls', 'name_mismatch'],
    ['expired', coded('CERT_HAS_EXPIRED'), 'tls', 'expired'],
    ['plain server on a TLS profile', coded('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls', 'not_tls'],
    ['HTTP parser', Object.assign(new Error('Expected HTTP/'), { name: 'HTTPParserError' }), 'protocol', undefined],
    ['reset', coded('ECONNRESET'), 'network', undefined],
    ['dns', coded('ENOTFOUND'), 'network', undefined],
  ]
  for (const [name, err, code, tls] of cases) {
    it(name, () => {
      const t = classifyNetworkFailure(err, 'ARI at pbx:8089')
      expect(t.code).toBe(code)
      expect(t.tlsProblem).toBe(tls)
      expect(t.message.startsWith('ARI at pbx:8089: ')).toBe(true)
    })
  }

  it('passes TransportErrors through and knows which codes mean "PBX unwell"', () => {
    const e = new TransportError('not_found', 'x', { status: 404 })
    expect(classifyNetworkFailure(e, 'y')).toBe(e)
    expect(isAvailabilityFailure(e)).toBe(false)
    expect(isAvailabilityFailure(new TransportError('http_error', 'x', { status: 503 }))).toBe(true)
    expect(isAvailabilityFailure(new TransportError('http_error', 'x', { status: 400 }))).toBe(false)
    expect(isAvailabilityFailure(new TransportError('refused', 'x'))).toBe(true)
  })
})

describe("the PBX clients' coded errors", () => {
  it('keep their code, name, details and the cause; without a cause there is none', () => {
    const socket = coded('ECONNRESET')
    const t = new TransportError('network', 'ARI at pbx:8089: the server closed the connection', { status: 502, cause: socket })
    expect(t).toBeInstanceOf(Error)
    expect(t).toMatchObject({ name: 'TransportError', code: 'network', status: 502, cause: socket })
    expect(String(t)).toBe('TransportError: ARI at pbx:8089: the server closed the connection')
    const a = new AmiError('timeout', 'no response to Originate', { action: 'Originate', actionId: 'a1' })
    expect(a).toMatchObject({ name: 'AmiError', code: 'timeout', action: 'Originate', actionId: 'a1' })
    expect('cause' in a).toBe(false)
    expect(new AmiError('connection_error', 'reset', { cause: socket }).cause).toBe(socket)
  })
})
