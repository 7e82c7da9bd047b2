import { connect, type Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type DemoPbx, startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'

let pbx: DemoPbx | undefined
afterEach(async () => {
  await pbx?.stop()
  pbx = undefined
})

function open(port: number): Promise<{ sock: Socket; data: () => string }> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1')
    let buf = ''
    sock.on('data', (d: Buffer) => {
      buf += d.toString('latin1')
    })
    sock.on('error', () => undefined)
    sock.once('connect', () => {
      resolve({ sock, data: () => buf })
    })
    sock.once('error', reject)
  })
}

async function pingWorks(port: number): Promise<boolean> {
  const c = await open(port)
  c.sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\nEvents: off\r\n\r\nAction: Ping\r\nActionID: p\r\n\r\n')
  for (let i = 0; i < 50 && !c.data().includes('Ping: Pong'); i++) await sleep(20)
  c.sock.destroy()
  return c.data().includes('ActionID: p\r\nPing: Pong')
}

describe('demo AMI server under bad input', () => {
  it('survives garbage bytes and a 2 MiB line, and keeps serving the same and other connections', async () => {
    pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0 })
    const bystander = await open(pbx.ami.port)
    bystander.sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\n\r\n')
    const c = await open(pbx.ami.port)
    const garbage = Buffer.alloc(64 * 1024)
    for (let i = 0; i < garbage.length; i++) garbage[i] = (i * 7919) % 256
    c.sock.write(garbage)
    c.sock.write(Buffer.alloc(2 * 1024 * 1024, 0x41))
    c.sock.write('\r\n\r\nAction: Ping\r\nActionID: after\r\n\r\n')
    for (let i = 0; i < 100 && !c.data().includes('ActionID: after'); i++) await sleep(20)
    // Not logged in: the Ping after the junk still gets Asterisk's answer.
    expect(c.data()).toContain('Response: Error\r\nActionID: after\r\nMessage: Permission denied')
    expect(await pingWorks(pbx.ami.port)).toBe(true)
    expect(bystander.data()).toContain('Authentication accepted')
    c.sock.destroy()
    bystander.sock.destroy()
  })

  it('accepts 500 simultaneous connections', async () => {
    pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0 })
    const conns = await Promise.all(Array.from({ length: 500 }, () => open(pbx?.ami.port ?? 0)))
    for (let i = 0; i < 50 && conns.some((c) => !c.data().startsWith('Asterisk Call Manager/11.0.0\r\n')); i++) await sleep(20)
    expect(conns.every((c) => c.data().startsWith('Asterisk Call Manager/11.0.0\r\n'))).toBe(true)
    for (const c of conns) c.sock.write('Action: Login\r\nUsername: viewer\r\nSecret: viewer\r\nEvents: off\r\n\r\n')
    for (let i = 0; i < 100 && conns.some((c) => !c.data().includes('Authentication accepted')); i++) await sleep(20)
    expect(conns.filter((c) => c.data().includes('Authentication accepted')).length).toBe(500)
    for (const c of conns) c.sock.destroy()
    expect(await pingWorks(pbx.ami.port)).toBe(true)
  })

  it('drops a client that never reads once its output exceeds the limit; others unaffected', async () => {
    pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0, maxOutputBytes: 256 * 1024, clock: 'manual' })
    const slow = await open(pbx.ami.port)
    slow.sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\n\r\n')
    await sleep(100)
    slow.sock.pause()
    const fast = await open(pbx.ami.port)
    fast.sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\n\r\n')
    await sleep(100)
    // Generate a lot of traffic: calls between phones, answered and hung up.
    for (let round = 0; round < 40; round++) {
      for (let i = 0; i < 20; i++) pbx.placeCall({ from: { trunk: 'trunk' }, to: '4930555000' })
      pbx.advanceTime(5_000)
      for (const ch of pbx.engine.channelList()) pbx.hangup(ch.uniqueid)
      pbx.advanceTime(1_000)
      await sleep(5)
    }
    await sleep(200)
    expect(pbx.ami.stats.droppedSlow).toBe(1)
    expect(fast.data().length).toBeGreaterThan(256 * 1024)
    expect(await pingWorks(pbx.ami.port)).toBe(true)
    expect(pbx.engine.scheduler.errors).toEqual([])
    slow.sock.destroy()
    fast.sock.destroy()
  })
})
