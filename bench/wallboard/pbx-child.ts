/**
 * A call centre on the demo PBX, run as its own process by bench/wallboard/run.ts (a real PBX is
 * another machine: its work must not share the console's event loop or CPU figure). Protocol (one
 * JSON object per stdout line, bench/support/child-side.ts):
 *   argv[2] = JSON CentreOptions & { seed, rampS, maxLifeMs }
 *   → { kind: 'ready', amiPort, ariPort, operatorSecret, ariUser, ariSecret, queues, agents, rampMs }
 *     once `rampS` seconds of traffic have run (the clock fast-forwarded ×25), then real speed
 *   'clock'   → { kind: 'clock', t }: this process's wall clock (bench/support/clock.ts)
 *   'collect' → { kind: 'stamps', stamps, placed, pauses }: every counter stamp so far (below)
 *   'stop'    → { kind: 'stopped', cpuMs }, and the process exits (also on stdin closing)
 *
 * Every AMI event carries `Timestamp:` (seconds.microseconds of this process's wall clock), as
 * Asterisk writes it with manager.conf `timestampevents = yes` (ami/timestamps.raw; there it comes
 * before SystemName, here after it — the console reads it by name). The console ignores it for
 * live state; the bench reads it in main to know when the PBX sent each event.
 * A counter stamp is what the wallboard must come to show because of one event: AgentComplete →
 * that queue's "answered" reaches `value`, QueueCallerAbandon → its "abandoned" does (app_queue's
 * own counts, which the console starts from at its QueueStatus and moves with these events).
 */
import { startDemoPbx } from '../../src-main/core/demo/index'
import { FreepbxConfig } from '../../src-main/core/demo/config/freepbx-config'
import { officeRecords } from '../../src-main/core/demo/config/office-config'
import type { PbxEvent } from '../../src-main/core/demo/pbx/events'
import { sendToParent, serveParent } from '../support/child-side'
import { wallNow } from '../support/stats'
import { addCentre, CallCentre, type CentreOptions } from './centre'
import type { CounterStamp } from './match'

interface ChildArgs extends CentreOptions {
  readonly seed: number
  readonly rampS: number
  readonly maxLifeMs: number
}

const args = JSON.parse(process.argv[2] ?? '{}') as ChildArgs
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

const { records, unregistered } = officeRecords({ extensions: args.agents })
const centre = addCentre(records, args)
const freepbx = new FreepbxConfig(records)
for (const e of unregistered) freepbx.unregistered.add(e)
const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: 0, seed: args.seed, freepbx })

// timestampevents: the wall clock at the moment the PBX publishes the event.
const bus = pbx.engine.pbx.events
const publish = bus.emit.bind(bus)
bus.emit = (name, privilege, fields, ari) => {
  publish(name, privilege, [['Timestamp', (wallNow() / 1000).toFixed(6)], ...fields], ari)
}

const stamps: CounterStamp[] = []
const field = (ev: PbxEvent, key: string): string | undefined => ev.fields.find(([k]) => k === key)?.[1]
bus.on((ev) => {
  if (ev.name !== 'AgentComplete' && ev.name !== 'QueueCallerAbandon') return
  const q = pbx.engine.pbx.queues.byName.get(field(ev, 'Queue') ?? '')
  const at = Number(field(ev, 'Timestamp')) * 1000
  if (q === undefined) return
  if (ev.name === 'QueueCallerAbandon') {
    // record_abandoned() counted it just before.
    stamps.push({ queue: q.name, field: 'abandoned', value: q.abandoned, at })
    return
  }
  // update_queue() counts the call right after this event, unless the member's device went idle first and it did then.
  const iface = field(ev, 'Interface')
  const m = q.members.find((x) => x.interface === iface)
  stamps.push({ queue: q.name, field: 'answered', value: q.completed + (m !== undefined && m.callStart !== 0 ? 1 : 0), at })
})

const driver = new CallCentre(pbx.engine, centre, args)
serveParent({
  maxLifeMs: args.maxLifeMs,
  stop: async () => {
    driver.stop()
    await pbx.stop()
  },
  commands: {
    collect: () => ({ kind: 'stamps', stamps, placed: driver.stats.placed, pauses: driver.stats.pauses }),
  },
})

// Fast-forward until the centre is in its steady state (agents busy, callers waiting), then real time.
const rampStart = performance.now()
const virtualStart = pbx.engine.scheduler.now()
pbx.setSpeed(25)
driver.start()
while (pbx.engine.scheduler.now() - virtualStart < args.rampS * 1000 && performance.now() - rampStart < 60_000) await sleep(50)
pbx.setSpeed(1)
const info = pbx.info()
sendToParent({
  kind: 'ready',
  amiPort: info.ami.port,
  ariPort: info.ari.port,
  operatorSecret: info.ami.users.find((u) => u.username === 'operator')?.secret ?? '',
  ariUser: info.ari.users[0]?.username ?? '',
  ariSecret: info.ari.users[0]?.secret ?? '',
  queues: centre.queues.map((q) => q.name),
  agents: args.agents,
  rampMs: Math.round(performance.now() - rampStart),
})
