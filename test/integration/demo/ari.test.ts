import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { warmUp } from './replay'
import { sleep, until } from '../../support/wait'

/**
 * The demo's ARI against the real captures in test/fixtures/asterisk/ari: error bodies byte
 * for byte, resource bodies by their key structure (values are ids and times), and the event
 * stream of a Stasis call by event types in order and each event's key structure.
 */
const ARI = new URL('../../fixtures/asterisk/ari/', import.meta.url)
const fixture = (name: string): string => readFileSync(new URL(name, ARI), 'utf8')
const fixtureJson = (name: string): unknown => JSON.parse(fixture(name))

/** The key structure of a JSON value: objects by sorted keys, arrays by their first item. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? [] : [shape(v[0])]
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, shape(o[k])]),
    )
  }
  return typeof v
}

let pbx: DemoPbx | undefined
const sockets: WebSocket[] = []
afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate()
  await pbx?.stop()
  pbx = undefined
})

const basic = (user: string, secret: string): string => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`

async function start(): Promise<{ base: string; auth: Record<string, string> }> {
  pbx = await startDemoPbx({ profile: 'lab', amiPort: 0, ariPort: 0, rate: 0 })
  return { base: `http://127.0.0.1:${pbx.ari.port}/ari`, auth: { authorization: basic('demo', 'demo') } }
}

describe('demo ARI against the captures', () => {
  it('answers 401 without or with wrong credentials, exactly as captured', async () => {
    const { base } = await start()
    const captured = fixture('error-401.txt')
      .split(/\r?\n\r?\n/)[1]
      ?.trim()
    const attempts: Record<string, string>[] = [{}, { authorization: basic('demo', 'wrong') }, { authorization: basic('nobody', 'demo') }]
    for (const headers of attempts) {
      const res = await fetch(`${base}/channels`, { headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/json')
      expect(await res.text()).toBe(captured)
    }
    const wrongKey = await fetch(`${base}/channels?api_key=demo:wrong`)
    expect(wrongKey.status).toBe(401)
  })

  it('accepts Basic auth and api_key, answers 404 for an unknown channel exactly as captured', async () => {
    const { base, auth } = await start()
    expect((await fetch(`${base}/channels`, { headers: auth })).status).toBe(200)
    const byKey = await fetch(`${base}/channels?api_key=demo:demo`)
    expect(byKey.status).toBe(200)
    expect(await byKey.json()).toEqual(fixtureJson('channels-empty.json'))
    const missing = await fetch(`${base}/channels/lab-0.0`, { headers: auth })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toBe(fixture('error-404.json').trim())
    const del = await fetch(`${base}/channels/lab-0.0`, { method: 'DELETE', headers: auth })
    expect(del.status).toBe(404)
  })

  it('GET info, channels, endpoints and bridges have the captured shapes', async () => {
    const { base, auth } = await start()
    const get = async (path: string): Promise<unknown> => {
      const res = await fetch(`${base}${path}`, { headers: auth })
      expect(res.status).toBe(200)
      return res.json()
    }
    expect(shape(await get('/asterisk/info'))).toEqual(shape(fixtureJson('asterisk-info.json')))
    expect(await get('/endpoints')).toEqual(fixtureJson('endpoints.json'))
    expect(await get('/channels')).toEqual(fixtureJson('channels-empty.json'))
    expect(await get('/bridges')).toEqual([])
    const created = await fetch(`${base}/bridges?type=mixing&name=lab-ari-bridge`, { method: 'POST', headers: auth })
    const bridge: unknown = await created.json()
    expect(shape(bridge)).toEqual(shape(fixtureJson('bridges-create.json')))
    const bridges = (await get('/bridges')) as unknown[]
    expect(bridges).toHaveLength(1)
    const capturedStasis = (fixtureJson('bridges.json') as unknown[])[1]
    expect(shape({ ...(bridges[0] as object), channels: ['x'] })).toEqual(shape(capturedStasis))
  })

  it('originates into Stasis, streams the captured events and hangs up with DELETE', async () => {
    const { base, auth } = await start()
    // The capture was taken on an Asterisk that had carried calls (queue availability known).
    if (pbx) await warmUp(pbx)
    const received: Record<string, unknown>[] = []
    const ws = new WebSocket(`${base.replace('http', 'ws')}/events?app=console&subscribeAll=true`, { headers: auth })
    sockets.push(ws)
    ws.on('message', (data: Buffer) => received.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>))
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => {
        resolve()
      })
      ws.once('error', reject)
    })

    const res = await fetch(`${base}/channels?endpoint=Local/101@lab&context=lab&extension=400&callerId=${encodeURIComponent('"Lab ARI" <400>')}`, {
      method: 'POST',
      headers: auth,
    })
    expect(res.status).toBe(200)
    const channel = (await res.json()) as { id: string; name: string }
    expect(shape(channel)).toEqual(shape(fixtureJson('channels-originate.json')))
    await until('a StasisStart', () => received.some((e) => e.type === 'StasisStart'))

    const list = (await (await fetch(`${base}/channels`, { headers: auth })).json()) as unknown[]
    expect(list.map(shape)).toEqual((fixtureJson('channels.json') as unknown[]).map(shape))
    const variable = await fetch(`${base}/channels/${channel.id}/variable?variable=${encodeURIComponent('CHANNEL(state)')}`, { headers: auth })
    expect(await variable.json()).toEqual(fixtureJson('channel-variable.json'))

    const bridge = (await (await fetch(`${base}/bridges?type=mixing&name=lab-ari-bridge`, { method: 'POST', headers: auth })).json()) as {
      id: string
    }
    expect((await fetch(`${base}/bridges/${bridge.id}/addChannel?channel=${channel.id}`, { method: 'POST', headers: auth })).status).toBe(204)
    expect((await fetch(`${base}/channels/${channel.id}`, { method: 'DELETE', headers: auth })).status).toBe(204)
    await until('two ChannelDestroyed', () => received.filter((e) => e.type === 'ChannelDestroyed').length === 2)
    expect((await fetch(`${base}/bridges/${bridge.id}`, { method: 'DELETE', headers: auth })).status).toBe(204)
    await sleep(100)

    const captured = fixture('events-stasis.jsonl')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    // Key structure: every event the demo sent has a structure the real server used for that type.
    const realShapes = new Map<unknown, Set<string>>()
    for (const e of captured) {
      let set = realShapes.get(e.type)
      if (!set) realShapes.set(e.type, (set = new Set()))
      set.add(JSON.stringify(shape(e)))
    }
    for (const e of received) expect([...(realShapes.get(e.type) ?? [])], String(e.type)).toContain(JSON.stringify(shape(e)))
    // Order: per channel, the same sequence of event types as the capture.
    const perChannel = (events: Record<string, unknown>[]): Map<string, string[]> => {
      const m = new Map<string, string[]>()
      for (const e of events) {
        const ch = e.channel as { name?: string } | undefined
        const name = ch?.name?.replace(/-[0-9a-f]{8};/, ';') ?? ''
        if (name === '') continue
        let arr = m.get(name)
        if (!arr) m.set(name, (arr = []))
        arr.push(String(e.type))
      }
      return m
    }
    expect(perChannel(received)).toEqual(perChannel(captured))
    const types = (events: Record<string, unknown>[]): string[] => events.filter((e) => e.channel === undefined).map((e) => String(e.type))
    expect(types(received)).toEqual(types(captured))
  })
})
