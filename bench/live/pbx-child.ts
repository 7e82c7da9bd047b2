/**
 * The demo PBX in load mode, run as its own process by bench/live/run.ts so the console's CPU
 * figure is the console's own. Protocol (one JSON object per stdout line):
 *   argv[2] = JSON { calls, callsPerSecond, seed }
 *   → { kind: 'ready', amiPort, ariPort, operatorSecret, ariUser, ariSecret, channels, rampMs }
 *     once the wanted number of calls is up (the clock is fast-forwarded ×50 to get there,
 *     then runs at real speed)
 *   stdin line 'stop' (or stdin closing, or the hard timeout) → { kind: 'stopped', cpuMs, placed }
 *     and the process exits.
 */
import { startDemoPbx } from '../../src-main/core/demo/index'

interface ChildArgs {
  readonly calls: number
  readonly callsPerSecond: number
  readonly seed: number
  readonly maxLifeMs: number
}

const args = JSON.parse(process.argv[2] ?? '{}') as Partial<ChildArgs>
const calls = args.calls ?? 5000
const cps = args.callsPerSecond ?? 40
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))
const send = (msg: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(msg) + '\n')
}

const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, load: { concurrentCalls: calls, callsPerSecond: cps }, seed: args.seed ?? 1 })
let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  const cpu = process.cpuUsage()
  await pbx.stop()
  send({ kind: 'stopped', cpuMs: (cpu.user + cpu.system) / 1000 })
  process.exit(0)
}
// Never outlive the bench: a hard limit, and stdin closing means the parent is gone.
setTimeout(() => void stop(), args.maxLifeMs ?? 180_000).unref()
process.stdin.on('end', () => void stop())
process.stdin.on('data', (d: Buffer) => {
  if (d.toString().includes('stop')) void stop()
})

const rampStart = performance.now()
// Each load call is two channels (trunk leg + phone leg) once answered.
pbx.setSpeed(50)
const rampDeadline = rampStart + 60_000
while (pbx.engine.channels.size < calls * 2 * 0.98 && performance.now() < rampDeadline) await sleep(50)
pbx.setSpeed(1)
const info = pbx.info()
const operator = info.ami.users.find((u) => u.username === 'operator')
const ariUser = info.ari.users[0]
send({
  kind: 'ready',
  amiPort: info.ami.port,
  ariPort: info.ari.port,
  operatorSecret: operator?.secret ?? '',
  ariUser: ariUser?.username ?? '',
  ariSecret: ariUser?.secret ?? '',
  channels: pbx.engine.channels.size,
  rampMs: Math.round(performance.now() - rampStart),
})
