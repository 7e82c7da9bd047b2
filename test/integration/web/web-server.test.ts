import { request } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AppCore } from '../../../src-main/core/app/app-core'
import type { WebServer } from '../../../src-main/web/web-server'
import { nextFrame, openSocket, startTestWeb } from '../../support/web-harness'

let server: WebServer
let core: AppCore
const wsUrl = (token: string) => `ws://127.0.0.1:${String(server.port)}/ws?token=${encodeURIComponent(token)}`

beforeAll(async () => {
  ;({ server, core } = await startTestWeb())
})
afterAll(async () => {
  await server.close()
})

describe('web mode over a real socket', () => {
  it('binds to 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/)
  })

  it('refuses a wrong token, a missing token and a wrong Origin', async () => {
    await expect(openSocket(wsUrl('wrong'), server.origin)).rejects.toThrow('HTTP 401')
    await expect(openSocket(`ws://127.0.0.1:${String(server.port)}/ws`, server.origin)).rejects.toThrow('HTTP 401')
    await expect(openSocket(wsUrl(server.token), 'http://evil.example')).rejects.toThrow('HTTP 401')
    await expect(openSocket(wsUrl(server.token), `http://localhost:${String(server.port)}`)).rejects.toThrow('HTTP 401')
    expect(server.connectionCount()).toBe(0)
  })

  it('answers garbage frames with an error frame and stays up', async () => {
    const ws = await openSocket(wsUrl(server.token), server.origin)
    for (const junk of ['not json', '[]', 'null', '{"id":"x","channel":"app.info"}', '{"id":-1,"channel":"app.info"}', '{}']) {
      const reply = nextFrame(ws)
      ws.send(junk)
      expect(await reply).toMatchObject({ kind: 'error', error: { code: 'invalid_frame' } })
    }
    const reply = nextFrame(ws)
    ws.send(Buffer.from([0xff, 0x00, 0x13]), { binary: true })
    expect(await reply).toMatchObject({ kind: 'error' })
    const ok = nextFrame(ws)
    ws.send(JSON.stringify({ id: 1, channel: 'app.info' }))
    expect(await ok).toMatchObject({ kind: 'reply', id: 1, result: { ok: true, value: { mode: 'web' } } })
    const bad = nextFrame(ws)
    ws.send(JSON.stringify({ id: 2, channel: 'settings.set', input: { theme: 7 } }))
    expect(await bad).toMatchObject({ kind: 'reply', id: 2, result: { ok: false, error: { code: 'invalid_input' } } })
    ws.close()
  })

  it('drops an oversized frame without taking the server down', async () => {
    const ws = await openSocket(wsUrl(server.token), server.origin)
    const closed = new Promise<number>((resolve) =>
      ws.once('close', (code: number) => {
        resolve(code)
      }),
    )
    ws.send('x'.repeat(2 * 1024 * 1024))
    expect(await closed).toBe(1009)
    const again = await openSocket(wsUrl(server.token), server.origin)
    const reply = nextFrame(again)
    again.send(JSON.stringify({ id: 1, channel: 'settings.get' }))
    expect(await reply).toMatchObject({ result: { ok: true } })
    again.close()
  })

  it('answers 1,000 concurrent requests, each to its own id', async () => {
    const ws = await openSocket(wsUrl(server.token), server.origin)
    const replies = new Map<number, unknown>()
    const done = new Promise<void>((resolve) => {
      ws.on('message', (data: Buffer) => {
        const frame = JSON.parse(data.toString())
        if (frame.kind === 'reply') replies.set(frame.id, frame.result)
        if (replies.size === 1000) resolve()
      })
    })
    for (let id = 0; id < 1000; id++) {
      ws.send(JSON.stringify({ id, channel: id % 2 === 0 ? 'app.info' : 'settings.get' }))
    }
    await done
    for (let id = 0; id < 1000; id++) expect(replies.get(id)).toMatchObject({ ok: true })
    ws.close()
  })

  it('sends one live message at a time: the next, merged, only after the page acknowledges', async () => {
    const ws = await openSocket(wsUrl(server.token), server.origin)
    const live: { seq: number; baseSeq?: number; ids: string[] }[] = []
    const errors: unknown[] = []
    const replies = new Set<number>()
    ws.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString())
      if (frame.kind === 'event' && frame.channel === 'live.message') {
        const p = frame.payload.patch
        live.push({ seq: p.seq, baseSeq: p.baseSeq, ids: Object.keys(p.bridges?.upsert ?? {}).sort() })
      } else if (frame.kind === 'error') errors.push(frame)
      else if (frame.kind === 'reply') replies.add(frame.id)
    })
    // The server handles a socket's frames in order: once a request is answered, every frame
    // sent before it has been handled too.
    let nextId = 1
    const roundTrip = async (): Promise<void> => {
      const id = nextId++
      ws.send(JSON.stringify({ id, channel: 'app.info' }))
      await expect.poll(() => replies.has(id)).toBe(true)
    }
    // A round trip first, so the server has registered this socket with the bus.
    await roundTrip()
    const patch = (seq: number) => ({
      kind: 'patch' as const,
      patch: {
        profileId: 'flow',
        seq,
        bridges: { upsert: { [`b${String(seq)}`]: { id: `b${String(seq)}`, type: 'basic', technology: 't', channelIds: [] } }, remove: [] },
      },
    })
    for (let seq = 1; seq <= 3; seq++) core.bus.publish('live.message', patch(seq))
    await roundTrip()
    expect(live).toEqual([{ seq: 1, ids: ['b1'] }])
    ws.send(JSON.stringify({ notify: 'live.ack', input: { restart: false } }))
    await expect.poll(() => live.length).toBe(2)
    expect(live[1]).toEqual({ seq: 3, baseSeq: 1, ids: ['b2', 'b3'] })
    // A malformed or unknown notify is refused at the edge, and frees nothing.
    core.bus.publish('live.message', patch(4))
    for (const bad of [{ notify: 'live.ack', input: { restart: 'yes' } }, { notify: 'live.ack' }, { notify: 'live.nope', input: { restart: false } }])
      ws.send(JSON.stringify(bad))
    await roundTrip()
    expect(errors).toHaveLength(3)
    expect(live).toHaveLength(2)
    // A restart drops what waits (the page starts over and subscribes again).
    ws.send(JSON.stringify({ notify: 'live.ack', input: { restart: true } }))
    await roundTrip()
    core.bus.publish('live.message', patch(9))
    await expect.poll(() => live.length).toBe(3)
    expect(live[2]).toEqual({ seq: 9, ids: ['b9'] })
    ws.close()
  })

  it('pushes settings.changed to every connected socket', async () => {
    const a = await openSocket(wsUrl(server.token), server.origin)
    const b = await openSocket(wsUrl(server.token), server.origin)
    const onB = nextFrame(b)
    const onA: Promise<any[]> = new Promise((resolve) => {
      const frames: any[] = []
      a.on('message', (d: Buffer) => {
        frames.push(JSON.parse(d.toString()))
        if (frames.length === 2) resolve(frames)
      })
    })
    a.send(JSON.stringify({ id: 9, channel: 'settings.set', input: { theme: 'light' } }))
    expect(await onB).toMatchObject({ kind: 'event', channel: 'settings.changed', payload: { theme: 'light' } })
    const frames = await onA
    expect(frames.map((f) => f.kind).sort()).toEqual(['event', 'reply'])
    a.close()
    b.close()
    expect(await core.dispatch('settings.get', undefined, { clientId: 't', transport: 'web' })).toMatchObject({ value: { theme: 'light' } })
  })

  it('serves static files with the CSP header, refuses traversal and foreign Host headers', async () => {
    const base = server.origin
    const index = await request(`${base}/`)
    expect(index.statusCode).toBe(200)
    const csp = String(index.headers['content-security-policy'])
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain(`connect-src ws://127.0.0.1:${String(server.port)}`)
    expect(csp).not.toMatch(/unsafe/)
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    await index.body.dump()
    const asset = await request(`${base}/assets/app.js`)
    expect(asset.headers['content-type']).toContain('javascript')
    await asset.body.dump()
    const trav = await request(`${base}/..%2f..%2f..%2fetc%2fpasswd`)
    expect(trav.statusCode).toBe(403)
    await trav.body.dump()
    const rebinding = await request(`${base}/`, { headers: { host: 'attacker.example:80' } })
    expect(rebinding.statusCode).toBe(421)
    await rebinding.body.dump()
    const post = await request(`${base}/`, { method: 'POST', body: 'x' })
    expect(post.statusCode).toBe(405)
    await post.body.dump()
  })
})
