/**
 * AMI over TLS (port 5039 in production): certificate checked by default, CA and server name
 * honoured, never a silent fallback to plaintext.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmiClient, type AmiClientOptions } from '../../../src-main/core/ami/client'
import type { AmiError } from '../../../src-main/core/ami/errors'
import { FakeAmiServer } from '../../support/fake-ami-server'
import { makePki, type TestPki } from '../../support/tls-front'

let dir = ''
let pki: TestPki
let server: FakeAmiServer

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ami-tls-'))
  // A private CA, as a PBX's own certificate usually is: untrusted unless its CA is given.
  pki = makePki('pbx.test')
  writeFileSync(join(dir, 'ca.pem'), pki.ca)
  server = new FakeAmiServer({ tls: { key: pki.key, cert: pki.cert } })
  await server.listen()
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function client(tlsOpts: AmiClientOptions['tls']): AmiClient {
  return new AmiClient({
    host: '127.0.0.1',
    port: server.port,
    username: 'console',
    secret: 'secret',
    tls: tlsOpts,
    pingIntervalMs: 0,
    reconnect: { initialDelayMs: 50, maxDelayMs: 100 },
  })
}

async function firstError(c: AmiClient): Promise<AmiError> {
  return new Promise<AmiError>((resolve) => {
    c.once('error', resolve)
    c.start().catch(() => undefined)
  })
}

describe('AMI over TLS', () => {
  it('connects and logs in when the CA file and server name match', async () => {
    const c = client({ caFile: join(dir, 'ca.pem'), servername: 'pbx.test' })
    await c.start()
    expect(c.state).toBe('ready')
    expect((await c.action('Ping')).get('Ping')).toBe('Pong')
    await c.stop()
  })

  it('refuses an untrusted (private CA) certificate by default', async () => {
    const c = client({ servername: 'pbx.test' })
    const err = await firstError(c)
    expect(err.code).toBe('connection_error')
    expect(err.message).toMatch(/certificate/i)
    expect(c.state).not.toBe('ready')
    await c.stop()
    expect(server.count('Login')).toBe(1)
  })

  it('refuses a certificate for another name', async () => {
    const c = client({ ca: pki.ca, servername: 'other.test' })
    const err = await firstError(c)
    expect(err.code).toBe('connection_error')
    await c.stop()
  })
})
