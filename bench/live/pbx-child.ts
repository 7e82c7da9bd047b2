/**
 * The demo PBX in load mode, run as its own process by bench/live/run.ts so the console's CPU
 * figure is the console's own. Protocol (one JSON object per stdout line):
 *   argv[2] = JSON { calls, callsPerSecond, seed }
 *   → { kind: 'ready', amiPort, ariPort, operatorSecret, ariUser, ariSecret, channels, rampMs }
 *     once the wanted number of calls is up (the clock is fast-forwarded ×50 to get there,
 *     then runs at real speed)
 *   stdin line 'stop' (or stdin closing, or the hard timeout) → { kind: 'stopped', cpuMs } and the
 *     process exits; 'clock' → { kind: 'clock', t } (bench/support/child-side.ts).
 */
import { startDemoPbx } from '../../src-main/core/demo/index'
import { sendToParent as send, serveParent } from '../support/child-side'

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

const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, load: { concurrentCalls: calls, callsPerSecond: cps }, seed: args.seed ?? 1 })
serveParent({ maxLifeMs: args.maxLifeMs ?? 180_000, stop: () => pbx.stop() })

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
