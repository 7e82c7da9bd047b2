/**
 * The demo PBX's AstDB against the real one: every DB action of ami/astdb-presence.raw (DBPut,
 * DBGet, DBGetTree, DBDel, DBDelTree, their errors) written in the capture's order to a fresh lab
 * demo, and each answer — responses, list items and completions, keys in order — compared with
 * what Asterisk 22.10.1 sent for the same ActionID. The presence scenario's Setvar of custom device
 * and presence states is not replayed here, so the two trees they fill are left out.
 */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'
import { readActions, readRaw } from './replay'

type Fields = readonly (readonly [string, string])[]

const NOT_REPLAYED = new Set(['ap-db-gettree-customdevstate', 'ap-db-gettree-custompresence'])

function byActionId(bytes: Buffer): Map<string, Fields[]> {
  const out = new Map<string, Fields[]>()
  for (const message of parseAmiBytes(bytes, { expectBanner: true }).messages) {
    const fields = message.fields()
    const id = fields.find(([k]) => k === 'ActionID')?.[1]
    if (id === undefined || !id.startsWith('ap-db-') || NOT_REPLAYED.has(id)) continue
    out.set(id, [...(out.get(id) ?? []), fields])
  }
  return out
}

/** The Asterisk-generated `/pbx/UUID` differs per install: its value is compared as a UUID. */
function comparable(messages: readonly Fields[]): Fields[] {
  return messages.map((fields) => {
    const isUuid = fields.some(([k, v]) => k === 'Key' && v === '/pbx/UUID')
    return fields.map(([k, v]) => [k, isUuid && k === 'Val' && /^[0-9a-f-]{36}$/.test(v) ? '<uuid>' : v] as const)
  })
}

let pbx: DemoPbx

beforeAll(async () => {
  pbx = await startDemoPbx({ profile: 'lab', amiPort: 0, ariPort: 0, rate: 0 })
})

afterAll(async () => {
  await pbx.stop()
})

describe('demo AstDB (DBGet/DBPut/DBDel/DBDelTree/DBGetTree) as astdb-presence.raw shows it', () => {
  it('answers every DB action of the capture exactly as Asterisk 22.10.1 did', async () => {
    const blocks = readActions('astdb-presence').filter((b) => /^Action: DB/m.test(b.text) && !/ActionID: ap-db-gettree-custom/.test(b.text))
    expect(blocks.length).toBeGreaterThan(20)
    const sock = connect(pbx.info().ami.port, '127.0.0.1')
    const chunks: Buffer[] = []
    sock.on('data', (d: Buffer) => chunks.push(d))
    await new Promise<void>((resolve) =>
      sock.once('connect', () => {
        resolve()
      }),
    )
    sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\nEvents: off\r\n\r\n')
    await sleep(50)
    for (const block of blocks) sock.write(block.text)
    await sleep(300)
    sock.destroy()

    const real = byActionId(readRaw('astdb-presence'))
    const demo = byActionId(Buffer.concat(chunks))
    expect([...demo.keys()]).toEqual([...real.keys()])
    for (const [id, messages] of real) expect(comparable(demo.get(id) ?? []), id).toEqual(comparable(messages))
  })

  it('keeps its keys across a simulated restart, as the real one keeps them on disk', () => {
    pbx.engine.pbx.astdb.put('AMPUSER', '105/cidname', 'Eva Fischer')
    pbx.engine.pbx.restart()
    expect(pbx.engine.pbx.astdb.get('AMPUSER', '105/cidname')).toBe('Eva Fischer')
  })
})
