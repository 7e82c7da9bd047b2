/**
 * Replays a captured scenario's actions (test/fixtures/asterisk/ami/<name>.actions.txt) against
 * a demo PBX and returns the bytes it answered. Lab credentials become the demo's, the MD5 key
 * is recomputed from the demo's challenge, and channel names / bridge ids in the actions are
 * translated from the capture's numbering to the demo's (by order of first appearance).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { connect } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DemoPbx } from '../../../src-main/core/demo/index'
import { Normalizer, parseTranscript } from './transcript'
import { sleep } from '../../support/wait'

export const FIXTURES = fileURLToPath(new URL('../../fixtures/asterisk/ami', import.meta.url))

/** Clock speed of the demo during a replay (and the factor the capture's gaps are divided by). */
export const REPLAY_SPEED = 5

export interface ActionBlock {
  readonly atS: number
  readonly text: string
}

export function readActions(name: string): ActionBlock[] {
  const text = readFileSync(join(FIXTURES, `${name}.actions.txt`), 'latin1')
  const blocks: ActionBlock[] = []
  const re = /=== \+([\d.]+)s (\d+) bytes ===\r?\n/g
  let m: RegExpExecArray | null
  while ((m = re.exec(text)) !== null) {
    const start = m.index + m[0].length
    const len = Number(m[2])
    blocks.push({ atS: Number(m[1]), text: text.slice(start, start + len) })
  }
  return blocks
}

export function readRaw(name: string): Buffer {
  return readFileSync(join(FIXTURES, `${name}.raw`))
}

const CREDENTIALS: readonly (readonly [string, string])[] = [
  ['Username: console\r\n', 'Username: demo\r\n'],
  ['Secret: console-secret\r\n', 'Secret: demo\r\n'],
  ['Username: readonly\r\n', 'Username: viewer\r\n'],
  ['Secret: readonly-secret\r\n', 'Secret: viewer\r\n'],
]

/**
 * `speed` compresses the capture's timeline: the demo must run with the same clock speed
 * (startDemoPbx({ speed })), so a gap of 2 s in the capture (exten 605's Wait, a park
 * timeout) is 2 s of the demo's time as well, in 2/speed s of wall time.
 */
export async function replay(name: string, port: number, speed = REPLAY_SPEED): Promise<Buffer> {
  const actions = readActions(name)
  const closedAt = Number(/# connection closed at \+([\d.]+)s/.exec(readFileSync(join(FIXTURES, `${name}.actions.txt`), 'latin1'))?.[1] ?? '0')
  const realNorm = new Normalizer()
  realNorm.observe(parseTranscript(readRaw(name)))
  const sock = connect(port, '127.0.0.1')
  const chunks: Buffer[] = []
  const conn = { closed: false }
  sock.on('data', (d: Buffer) => chunks.push(d))
  sock.on('close', () => {
    conn.closed = true
  })
  sock.on('error', () => {
    conn.closed = true
  })
  await new Promise<void>((resolve) =>
    sock.once('connect', () => {
      resolve()
    }),
  )
  let last = 0
  // Blocks written within a few ms of each other (the capture's cleanup Hangups) reached
  // Asterisk together; they are sent here in one write as well.
  let batch: Buffer[] = []
  const flush = (): void => {
    if (batch.length > 0 && !conn.closed) sock.write(Buffer.concat(batch))
    batch = []
  }
  for (const block of actions) {
    const gapS = block.atS - last
    // An MD5 Login needs the Challenge's answer first, so it never shares a write.
    const needsAnswer = /Action: Login/i.test(block.text) && /AuthType: MD5/i.test(block.text)
    if (gapS > 0.0015 || needsAnswer) {
      flush()
      await sleep(Math.max(15, (gapS * 1000) / speed))
    }
    last = block.atS
    if (conn.closed) break
    const demoNorm = new Normalizer()
    const sofar = Buffer.concat(chunks)
    demoNorm.observe(parseTranscript(sofar))
    let text = block.text
    for (const [a, b] of CREDENTIALS) text = text.split(a).join(b)
    if (/AuthType: MD5/i.test(text) && /Action: Login/i.test(text)) {
      const challenge = /Challenge: (\d+)/.exec(sofar.toString('latin1'))?.[1] ?? ''
      if (!/Key: 0{32}/.test(text))
        text = text.replace(
          /Key: [0-9a-f]{32}/,
          `Key: ${createHash('md5')
            .update(challenge + 'demo')
            .digest('hex')}`,
        )
    }
    text = text.replace(/(Local\/[^\s;]+)-([0-9a-f]{8})(;[12])/g, (whole, base: string, hex: string, half: string) => {
      const n = realNorm.seqOrdinal(hex)
      const demoHex = n !== undefined ? demoNorm.seqByOrdinal(n) : undefined
      return demoHex ? `${base}-${demoHex}${half}` : whole
    })
    text = text.replace(/BridgeUniqueid: (\S+)/, (whole, id: string) => {
      const n = realNorm.bridgeOrdinal(id)
      const demoId = n !== undefined ? demoNorm.bridgeByOrdinal(n) : undefined
      return demoId ? `BridgeUniqueid: ${demoId}` : whole
    })
    batch.push(Buffer.from(text, 'latin1'))
  }
  flush()
  await sleep(Math.max(300, ((closedAt - last) * 1000) / speed))
  sock.destroy()
  return Buffer.concat(chunks)
}

/**
 * Most captures were recorded on an Asterisk that had already carried calls (README "State
 * dependence"): queue members' device states were known, so `Queue:<q>_avail` had been
 * evaluated. A fresh demo reports the boot value (INUSE) until the first member change. This
 * plays one short call on member 101 (exten 600, Echo) before the scenario so the demo is in
 * the same warm state; the scenario's connection opens afterwards and sees none of it.
 */
export async function warmUp(pbx: DemoPbx): Promise<void> {
  pbx.engine.originate({ channel: 'Local/101@lab', context: 'lab', exten: '600' })
  await sleep(50)
  for (const ch of pbx.channels()) pbx.hangup(ch.name)
  for (let i = 0; i < 50 && pbx.channels().length > 0; i++) await sleep(10)
}
