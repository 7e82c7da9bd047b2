/**
 * Load-mode benchmark (not a test: no timed assertions anywhere). Run from the repo root:
 *   npx tsx test/integration/demo/load-bench.ts [concurrent=5000] [callsPerSecond=25] [seconds=20]
 * Starts the demo PBX in load mode, fast-forwards its clock until the wanted number of calls is
 * up, then measures at real speed what one AMI client receives over a real loopback socket:
 * events per second, bytes per second, live channels, and the server's CPU time and memory.
 * At the end it stops the load, hangs everything up and checks Hangup = Newchannel.
 */
import { connect } from 'node:net'
import { startDemoPbx } from '../../../src-main/core/demo/index'
import { sleep } from '../../support/wait'

const concurrent = Number(process.argv[2] ?? 5000)
const cps = Number(process.argv[3] ?? 25)
const seconds = Number(process.argv[4] ?? 20)

const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, load: { concurrentCalls: concurrent, callsPerSecond: cps }, seed: 1 })
const holdS = concurrent / cps
pbx.setSpeed(50)
while (pbx.engine.channels.size < concurrent * 0.98 * 2) await sleep(100)
pbx.setSpeed(1)
await sleep(1000)

const sock = connect(pbx.ami.port, '127.0.0.1')
let events = 0
let bytes = 0
let tail = ''
sock.on('data', (d: Buffer) => {
  bytes += d.length
  const text = tail + d.toString('latin1')
  let i = text.indexOf('Event: ')
  while (i >= 0) {
    events++
    i = text.indexOf('Event: ', i + 7)
  }
  tail = text.slice(-6)
})
await new Promise<void>((r) =>
  sock.once('connect', () => {
    r()
  }),
)
sock.write('Action: Login\r\nUsername: demo\r\nSecret: demo\r\n\r\n')
await sleep(500)
const startEvents = events
const startBytes = bytes
const cpu0 = process.cpuUsage()
const t0 = performance.now()
const samples: number[] = []
for (let s = 0; s < seconds; s++) {
  const before = events
  await sleep(1000)
  samples.push(events - before)
}
const wall = (performance.now() - t0) / 1000
const cpu = process.cpuUsage(cpu0)
const calls = pbx.engine.channelList().filter((c) => c.name.startsWith('PJSIP/trunk-')).length
const result = {
  concurrentCallsWanted: concurrent,
  callsUp: calls,
  liveChannels: pbx.engine.channels.size,
  callsPerSecond: cps,
  callHoldS: holdS,
  eventsPerSecond: Math.round((events - startEvents) / wall),
  minSecond: Math.min(...samples),
  maxSecond: Math.max(...samples),
  kBytesPerSecond: Math.round((bytes - startBytes) / wall / 1024),
  cpuPercentOfOneCore: Math.round(((cpu.user + cpu.system) / 1000 / (wall * 1000)) * 100),
  rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
}
sock.destroy()
pbx.setSpeed(1)
await pbx.stop()
for (const ch of pbx.engine.channelList()) pbx.engine.softHangup(ch, 16)
pbx.engine.scheduler.advance(60_000)
console.log(
  JSON.stringify({
    ...result,
    afterStop: { channels: pbx.engine.channels.size, newchannel: pbx.engine.counters.newchannel, hangup: pbx.engine.counters.hangup },
  }),
)
process.exit(0)
