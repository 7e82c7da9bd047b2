/**
 * Chaos: the PBX connection is cut 100 times at random byte offsets (inside keys, values, CRLF
 * pairs, between messages) while real traffic (the flood capture) streams. After every cut the
 * client must have delivered exactly the complete events before the cut — nothing partial,
 * nothing glued — then reconnect and log in again. Seeded; the seed is in every failure message.
 */
import { describe, expect, it } from 'vitest'
import { AmiClient } from '../../../src-main/core/ami/client'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { FakeAmiServer } from '../../support/fake-ami-server'
import { readCapture } from '../../support/captures'
import { mulberry32 } from '../../support/random'
import { sleep } from '../../support/wait'

const SEED = Number(process.env.AMI_CHAOS_SEED ?? 20261125)
const CUTS = 100

describe('AMI chaos: connection cut at random bytes', () => {
  it(`${String(CUTS)} cuts, exact events per connection (seed ${String(SEED)})`, async () => {
    const rand = mulberry32(SEED)
    const flood = readCapture('flood')
    const payload = flood.subarray(flood.indexOf('\n') + 1) // without the banner
    const cuts: number[] = []
    for (let i = 0; i < CUTS; i++) cuts.push(Math.floor(rand() * payload.length))

    const server = new FakeAmiServer()
    let connIndex = 0
    server.handler = (action, conn) => {
      if (action.get('Action') !== 'Login') return false
      const n = connIndex++
      conn.reply([
        ['Response', 'Success'],
        ['ActionID', action.actionId ?? ''],
        ['Message', 'Authentication accepted'],
      ])
      conn.reply([
        ['Event', 'ConnStart'],
        ['Privilege', 'system,all'],
        ['Conn', String(n)],
      ])
      const cut = cuts[n]
      if (cut === undefined) return true // after the last cut: stay up, answer normally
      // Write in uneven pieces so reads end anywhere, then cut without a FIN-delayed tail.
      let pos = 0
      while (pos < cut) {
        const size = 1 + Math.floor(rand() * 3000)
        conn.socket.write(payload.subarray(pos, Math.min(cut, pos + size)))
        pos += size
      }
      conn.socket.end()
      return true
    }
    await server.listen()

    const client = new AmiClient({
      host: '127.0.0.1',
      port: server.port,
      username: 'console',
      secret: 'secret',
      pingIntervalMs: 0,
      actionTimeoutMs: 5000,
      reconnect: { initialDelayMs: 2, maxDelayMs: 10 },
      random: mulberry32(SEED + 1),
    })
    const byConn = new Map<number, string[]>()
    let current = -1
    const errorCodes = new Set<string>()
    client.on('error', (e) => errorCodes.add(e.code))
    client.on('event', (m) => {
      if (m.event === 'ConnStart') {
        current = Number(m.get('Conn'))
        byConn.set(current, [])
        return
      }
      byConn.get(current)?.push(`${m.event ?? ''}|${m.get('Uniqueid') ?? ''}|${String(m.size)}`)
    })
    try {
      const started = client.start()
      const deadline = Date.now() + 50_000
      while (connIndex <= CUTS || client.state !== 'ready') {
        if (Date.now() > deadline) throw new Error(`seed ${String(SEED)}: stuck after ${String(connIndex)} connections, state ${client.state}`)
        await sleep(10)
      }
      await started
      for (let n = 0; n < CUTS; n++) {
        const cut = cuts[n] as number
        const expected = parseAmiBytes(payload.subarray(0, cut), { expectBanner: false })
          .messages.filter((m) => m.event !== undefined)
          .map((m) => `${m.event ?? ''}|${m.get('Uniqueid') ?? ''}|${String(m.size)}`)
        expect(byConn.get(n), `seed ${String(SEED)}, connection ${String(n)}, cut at byte ${String(cut)}`).toEqual(expected)
      }
      // Only the expected kinds of trouble were reported: lost connections, cut messages.
      for (const code of errorCodes) expect(['connection_error', 'protocol_error', 'outcome_unknown', 'timeout']).toContain(code)
      expect((await client.action('Ping')).get('Ping')).toBe('Pong')
    } finally {
      await client.stop()
      await server.close()
    }
  }, 60_000)
})
