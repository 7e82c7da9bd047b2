// The status bar's words when a transport cannot talk to the PBX, in the console's language: the
// PBX hanging up on the AMI login, and ARI's port refusing the connection. English is as before.
import { createServer, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { PbxSession } from '../../../src-main/core/connection/index'
import { setMainLanguage } from '../../../src-main/core/i18n'
import { builtinDemoProfile } from '../../../src-main/core/profiles/demo-profile'
import { cleanupsAfterEach } from '../../support/cleanups'
import { until } from '../../support/wait'

const cleanups = cleanupsAfterEach()

afterEach(() => {
  setMainLanguage('en', [])
})

/** A loopback server; `greet`: an AMI banner, then the connection closed at the first line the console sends. */
async function listen(greet: boolean): Promise<number> {
  const sockets = new Set<Socket>()
  const server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    if (!greet) return socket.destroy()
    socket.write('Asterisk Call Manager/9.0.0\r\n')
    socket.once('data', () => socket.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(async () => {
    for (const s of sockets) s.destroy()
    await new Promise((resolve) => server.close(resolve))
  })
  return (server.address() as { port: number }).port
}

/** A loopback port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function statusOf() {
  const profile = builtinDemoProfile({ ami: await listen(true), ari: await closedPort() })
  const s = new PbxSession({
    profile,
    getSecret: () => Promise.resolve('a-secret'),
    healthIntervalMs: 0,
    ami: { reconnect: { initialDelayMs: 5000, maxDelayMs: 5000 }, connectTimeoutMs: 2000, pingIntervalMs: 0 },
    ari: { reconnect: { initialDelayMs: 5000, maxDelayMs: 5000 }, timeoutMs: 1000 },
  })
  cleanups.push(() => s.disconnect())
  void s.connect().catch(() => undefined)
  await until('AMI and ARI to say why they are down', () => s.status().ami.lastError !== undefined && s.status().ari.lastError !== undefined, 5000)
  return s.status()
}

describe('the status bar says why a transport is down in the console’s language', () => {
  it('the PBX closing the AMI connection at login and ARI refused: English, then German', async () => {
    const english = await statusOf()
    expect(english.ami.lastError).toBe('AMI connection failed: AMI connection closed by the server')
    expect(english.ari.lastError).toMatch(/^ARI .*: connection refused \(nothing listens on that port\)$/)

    setMainLanguage('de', [])
    const german = await statusOf()
    expect(german.ami.lastError).toBe('AMI-Verbindung fehlgeschlagen: die Telefonanlage hat die AMI-Verbindung geschlossen')
    expect(german.ari.lastError).toMatch(/^ARI unter 127\.0\.0\.1:\d+: Verbindung abgelehnt \(an diesem Port lauscht nichts\)$/)
  })
})
