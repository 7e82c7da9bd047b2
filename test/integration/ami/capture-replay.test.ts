/**
 * Every real capture replayed through a real loopback socket — in one write, one byte per write,
 * and in seeded random pieces — must give exactly the messages of an in-memory parse.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AmiFramer } from '../../../src-main/core/ami/framing'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { captureNames, readCapture } from '../../support/captures'
import { closeServer, listenLoopback } from '../../support/loopback'
import { mulberry32 } from '../../support/random'
import { bytewise, parseChunks, randomChunks, snapshot, type Snapshot } from '../../unit/ami/support'

let server: net.Server
let port = 0
/** What the next connection should be sent. */
let script: { pieces: Buffer[]; yieldEvery: number } = { pieces: [], yieldEvery: 1 }

beforeAll(async () => {
  server = net.createServer((sock) => {
    sock.setNoDelay(true)
    sock.on('error', () => undefined)
    const { pieces, yieldEvery } = script
    let i = 0
    const pump = (): void => {
      // Yield to the event loop between bursts so the client reads small pieces.
      for (let n = 0; n < yieldEvery && i < pieces.length; n++) sock.write(pieces[i++] as Buffer)
      if (i < pieces.length) setImmediate(pump)
      else sock.end()
    }
    pump()
  })
  port = await listenLoopback(server)
})

afterAll(async () => {
  await closeServer(server)
})

async function replay(pieces: Buffer[], yieldEvery: number): Promise<Snapshot & { reads: number }> {
  script = { pieces, yieldEvery }
  const messages: AmiMessage[] = []
  const framer = new AmiFramer({ onMessage: (m) => messages.push(m) })
  let reads = 0
  await new Promise<void>((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1')
    sock.on('data', (c: Buffer) => {
      reads++
      framer.push(c)
    })
    sock.on('end', () => {
      resolve()
    })
    sock.on('error', reject)
  })
  const banner = framer.banner
  expect(framer.end()).toBe(false)
  return { ...snapshot(banner, messages), reads }
}

describe('capture replay over a loopback socket', () => {
  for (const name of captureNames()) {
    it(`${name}: one write, byte writes, random pieces → identical messages`, async () => {
      const bytes = readCapture(name)
      const expected = parseChunks([bytes])
      const { banner, messages } = expected
      const one = await replay([bytes], 1)
      expect({ banner: one.banner, messages: one.messages }).toEqual({ banner, messages })
      const perByte = await replay(bytewise(bytes), 64)
      expect({ banner: perByte.banner, messages: perByte.messages }).toEqual({ banner, messages })
      const seed = 0xa31 + bytes.length
      const random = await replay(randomChunks(bytes, mulberry32(seed), 2048), 1)
      expect({ banner: random.banner, messages: random.messages }, `seed ${String(seed)}`).toEqual({ banner, messages })
    })
  }
})
