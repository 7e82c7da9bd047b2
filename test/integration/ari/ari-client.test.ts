import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { AriClient, AriEventStream, type AriEvent, type AriEventStreamOptions, TransportError } from '../../../src-main/core/ari/index'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { closeServer, listenLoopback } from '../../support/loopback'
import { sleep } from '../../support/wait'
import { cleanupsAfterEach } from '../../support/cleanups'

const cleanups = cleanupsAfterEach()

async function demo(): Promise<DemoPbx> {
  const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0 })
  cleanups.push(() => pbx.stop())
  return pbx
}

function client(p: DemoPbx, password = 'demo'): AriClient {
  const c = new AriClient({ baseUrl: `http://127.0.0.1:${String(p.ari.port)}`, username: 'demo', password, timeoutMs: 3000 })
  cleanups.push(() => c.close())
  return c
}

/** The demo's event stream for app 'attendant', stopped after the test. */
function demoStream(p: DemoPbx, options: Omit<AriEventStreamOptions, 'baseUrl' | 'username' | 'password' | 'app'>): AriEventStream {
  const stream = new AriEventStream({
    baseUrl: `http://127.0.0.1:${String(p.ari.port)}`,
    username: 'demo',
    password: 'demo',
    app: 'attendant',
    ...options,
  })
  cleanups.push(() => stream.stop())
  return stream
}

/** Resolves at the stream's next open. */
function nextOpen(stream: AriEventStream): Promise<void> {
  return new Promise<void>((r) =>
    stream.once('open', () => {
      r()
    }),
  )
}

describe('AriClient against the demo PBX', () => {
  it('reads asterisk info, lists channels and hangs one up', async () => {
    const p = await demo()
    const ari = client(p)
    const info = await ari.info()
    expect(info.system.version).toBe('22.10.1')
    expect(await ari.channels()).toEqual([])
    const call = p.placeCall({ from: { trunk: 'trunk', callerNum: '+4930123456' }, to: '4930555000' })
    expect(call).toBeDefined()
    const list = await ari.channels()
    expect(list.map((c) => c.id)).toContain(call?.uniqueid)
    await ari.hangup(call?.uniqueid ?? '')
    for (let i = 0; i < 50 && p.channels().some((c) => c.uniqueid === call?.uniqueid); i++) await sleep(10)
    expect(p.channels().some((c) => c.uniqueid === call?.uniqueid)).toBe(false)
  })

  it('types 404 and 401 errors', async () => {
    const p = await demo()
    await expect(client(p).hangup('no-such-channel')).rejects.toMatchObject({ code: 'not_found', status: 404 })
    const bad = client(p, 'wrong')
    const err = await bad.info().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TransportError)
    expect((err as TransportError).code).toBe('unauthorized')
    expect((err as Error).message).not.toContain('wrong')
  })

  it('reports refused when nothing listens', async () => {
    const p = await demo()
    const port = p.ari.port
    await p.stopAri()
    const ari = new AriClient({ baseUrl: `http://127.0.0.1:${String(port)}`, username: 'demo', password: 'demo', timeoutMs: 2000 })
    cleanups.push(() => ari.close())
    await expect(ari.info()).rejects.toMatchObject({ code: 'refused' })
  })

  it('reports wrong protocol when the AMI port is given as the ARI port', async () => {
    const p = await demo()
    const ari = new AriClient({ baseUrl: `http://127.0.0.1:${String(p.ami.port)}`, username: 'demo', password: 'demo', timeoutMs: 2000 })
    cleanups.push(() => ari.close())
    await expect(ari.info()).rejects.toMatchObject({ code: 'protocol' })
  })
})

describe('credentials only in the Authorization header', () => {
  it('never puts api_key or the password into a request URL (REST and WebSocket)', async () => {
    const seen: Array<{ url: string; auth: string | undefined }> = []
    const record = (req: IncomingMessage): void => {
      seen.push({ url: req.url ?? '', auth: req.headers.authorization })
    }
    const server = createServer((req, res) => {
      record(req)
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end('{"message":"Authentication required"}')
    })
    server.on('upgrade', (req: IncomingMessage, socket: import('node:stream').Duplex) => {
      record(req)
      socket.end('HTTP/1.1 401 Unauthorized\r\ncontent-length: 0\r\n\r\n')
    })
    const port = await listenLoopback(server)
    cleanups.push(() => closeServer(server))
    const ari = new AriClient({ baseUrl: `http://127.0.0.1:${String(port)}`, username: 'u', password: 'pw-S3cr3t', timeoutMs: 2000 })
    cleanups.push(() => ari.close())
    await ari.info().catch(() => undefined)
    await ari.hangup('x').catch(() => undefined)
    const stream = new AriEventStream({
      baseUrl: `http://127.0.0.1:${String(port)}`,
      username: 'u',
      password: 'pw-S3cr3t',
      app: 'attendant',
      subscribeAll: true,
    })
    const unauthorized = new Promise<TransportError>((r) => stream.once('unauthorized', r))
    stream.start()
    expect((await unauthorized).code).toBe('unauthorized')
    await sleep(100)
    // 401 on the upgrade stops the stream: one attempt, no storm.
    expect(stream.attempts).toBe(1)
    expect(seen.length).toBe(3)
    for (const s of seen) {
      expect(s.url).not.toMatch(/api_key|pw-S3cr3t/)
      expect(s.auth).toBe(`Basic ${Buffer.from('u:pw-S3cr3t').toString('base64')}`)
    }
    expect(seen[2]?.url).toBe('/ari/events?app=attendant&subscribeAll=true')
  })
})

describe('AriEventStream against the demo PBX', () => {
  it('receives events with subscribeAll and reconnects after the server cuts it', async () => {
    const p = await demo()
    const stream = demoStream(p, { subscribeAll: true, reconnect: { initialDelayMs: 20, maxDelayMs: 100 } })
    const events: AriEvent[] = []
    const opens: boolean[] = []
    stream.on('event', (e) => events.push(e))
    stream.on('open', ({ reconnect }) => opens.push(reconnect))
    stream.start()
    for (let i = 0; i < 100 && opens.length === 0; i++) await sleep(10)
    p.placeCall({ from: { trunk: 'trunk' }, to: '4930555000' })
    for (let i = 0; i < 100 && !events.some((e) => e.type === 'ChannelCreated'); i++) await sleep(10)
    expect(events.some((e) => e.type === 'ChannelCreated')).toBe(true)
    p.ari.cutAllConnections()
    for (let i = 0; i < 200 && opens.length < 2; i++) await sleep(10)
    expect(opens).toEqual([false, true])
  })
})

describe('AriEventStream liveness', () => {
  it('a server that stops answering pings is closed as timeout within interval + deadline, and reconnected', async () => {
    const { WebSocketServer } = await import('ws')
    // A server that keeps the socket open but never answers a ping: a frozen Asterisk's event socket.
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', autoPong: false })
    await new Promise<void>((r) => wss.once('listening', r))
    cleanups.push(
      () =>
        new Promise<void>((r) => {
          for (const c of wss.clients) c.terminate()
          wss.close(() => {
            r()
          })
        }),
    )
    let pings = 0
    wss.on('connection', (ws) =>
      ws.on('ping', () => {
        pings++
      }),
    )
    const port = (wss.address() as AddressInfo).port
    const stream = new AriEventStream({
      baseUrl: `http://127.0.0.1:${String(port)}`,
      username: 'u',
      password: 'p',
      app: 'attendant',
      pingIntervalMs: 100,
      pongTimeoutMs: 150,
      reconnect: { initialDelayMs: 20, maxDelayMs: 40 },
    })
    cleanups.push(() => stream.stop())
    const opened = nextOpen(stream)
    stream.start()
    await opened
    const t0 = Date.now()
    const closed = await new Promise<{ error: TransportError | undefined; willReconnect: boolean }>((r) => stream.once('close', r))
    expect(Date.now() - t0).toBeLessThan(100 + 150 + 400)
    expect(closed.error?.code).toBe('timeout')
    expect(closed.error?.message).toMatch(/no answer to a ping within 150 ms/)
    expect(closed.willReconnect).toBe(true)
    expect(pings).toBeGreaterThan(0)
    await nextOpen(stream)
    expect(stream.attempts).toBe(2)
  })

  it('a server that answers pings keeps the socket open', async () => {
    const p = await demo()
    const stream = demoStream(p, { pingIntervalMs: 50, pongTimeoutMs: 100 })
    const closes: unknown[] = []
    stream.on('close', (c) => closes.push(c))
    const opened = nextOpen(stream)
    stream.start()
    await opened
    await sleep(600)
    expect(closes).toEqual([])
    expect(stream.state).toBe('open')
  })
})
