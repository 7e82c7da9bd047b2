/**
 * The demo PBX's custom device and presence state against the real one: the Setvar, Getvar,
 * PresenceState and PresenceStateList actions of ami/astdb-presence.raw (and the DBGetTree of the
 * two trees they fill) written in the capture's order to a fresh lab demo; each answer is compared
 * with what Asterisk 22.10.1 sent for the same ActionID, and the DeviceStateChange of the custom
 * devices and the PresenceStateChange events with the capture's, in order. The capture's runtime
 * hints (DialplanExtensionAdd) are not simulated, so their ExtensionStatus / PresenceStatus and
 * EXTENSION_STATE are left out; the office profile's FreePBX hints are tested through the contract.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'
import { readActions, readRaw } from './replay'

type Fields = readonly (readonly [string, string])[]

const REPLAYED =
  /^ap-(ps|psl)-(before|away|available|invalid-provider|no-provider)$|^ap-(dnd-on|dnd-off|presence-[a-z-]+|devstate-[a-z-]+|getvar-(devstate|presence-[a-z]+)|db-gettree-custom[a-z]+)$/

interface Seen {
  readonly answers: Map<string, Fields[]>
  /** DeviceStateChange of Custom: devices and PresenceStateChange events, without Privilege/SystemName. */
  readonly events: Fields[]
}

function seen(bytes: Buffer): Seen {
  const answers = new Map<string, Fields[]>()
  const events: Fields[] = []
  for (const message of parseAmiBytes(bytes, { expectBanner: true }).messages) {
    const fields = message.fields()
    const id = fields.find(([k]) => k === 'ActionID')?.[1]
    if (id !== undefined) {
      if (REPLAYED.test(id)) answers.set(id, [...(answers.get(id) ?? []), fields])
      continue
    }
    const name = fields.find(([k]) => k === 'Event')?.[1]
    const device = fields.find(([k]) => k === 'Device')?.[1] ?? ''
    if (name === 'PresenceStateChange' || (name === 'DeviceStateChange' && device.startsWith('Custom:'))) {
      events.push(fields.filter(([k]) => k !== 'Privilege' && k !== 'SystemName'))
    }
  }
  return { answers, events }
}

let pbx: DemoPbx

beforeAll(async () => {
  pbx = await startDemoPbx({ profile: 'lab', amiPort: 0, ariPort: 0, rate: 0 })
})

afterAll(async () => {
  await pbx.stop()
})

describe('demo custom device and presence state as astdb-presence.raw shows them', () => {
  it('answers Setvar/Getvar of DEVICE_STATE and PRESENCE_STATE, PresenceState(List) and their trees as Asterisk 22.10.1 did, with the same events', async () => {
    const blocks = readActions('astdb-presence').filter((b) => {
      const id = /ActionID: (\S+)/.exec(b.text)?.[1] ?? ''
      return REPLAYED.test(id)
    })
    expect(blocks.length).toBeGreaterThan(20)
    const sock = connect(pbx.info().ami.port, '127.0.0.1')
    const chunks: Buffer[] = []
    sock.on('data', (d: Buffer) => chunks.push(d))
    await new Promise<void>((resolve) =>
      sock.once('connect', () => {
        resolve()
      }),
    )
    sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\n\r\n')
    await sleep(50)
    for (const block of blocks) {
      sock.write(block.text)
      await sleep(5)
    }
    await sleep(300)
    sock.destroy()

    const real = seen(readRaw('astdb-presence'))
    const demo = seen(Buffer.concat(chunks))
    expect(real.events.length).toBeGreaterThan(6)
    expect(real.answers.size).toBeGreaterThan(20)
    expect([...demo.answers.keys()]).toEqual([...real.answers.keys()])
    for (const [id, messages] of real.answers) expect(demo.answers.get(id), id).toEqual(messages)
    expect(demo.events).toEqual(real.events)
  })
})
