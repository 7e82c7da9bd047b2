/**
 * The call centre the wallboard bench runs on the demo PBX: `queues` queues (numbers 3000…, each
 * with its own inbound route) and `agents` agents (extensions 2000…), every agent a member of two
 * queues — penalty 0 in one, 1 in another, static or dynamic by turns — and a driver that plays
 * the callers and agents: callers dial a queue's number (busier queues more often), give up after
 * their patience, talk for a while once an agent answers; agents pause for a reason and come back.
 * All timing runs on the PBX's scheduler, so the ramp's fast-forward speeds it up too.
 */
import type { PbxEngine } from '../../src-main/core/demo/engine'
import { type ConfigRecords, inboundRouteId } from '../../src-main/core/demo/config/freepbx-config'
import { newInboundRoute } from '../../src-main/core/demo/config/office-config'
import type { ScheduledTask } from '../../src-main/core/demo/clock'

export interface CentreOptions {
  readonly queues: number
  readonly agents: number
  /** New callers per second across all queues. */
  readonly callsPerSecond: number
  /** Mean talk time (s); each call talks 0.3–1.7 × this. */
  readonly talkMeanS: number
  /** Callers still waiting after 20 s … this many seconds hang up (abandon). */
  readonly patienceMaxS: number
  /** Agents going on a pause per minute (each back after 20–120 s). */
  readonly pausesPerMinute: number
}

export interface CentreQueue {
  readonly name: string
  readonly number: string
  readonly did: string
  /** Relative share of the callers (1–3). */
  readonly weight: number
}

export interface Centre {
  readonly queues: readonly CentreQueue[]
}

const DEPARTMENTS = ['support', 'sales', 'billing', 'claims', 'renewals', 'tech', 'returns', 'orders', 'accounts', 'retention']
const REGIONS = ['de', 'at', 'ch', 'uk', 'fr']
/** app_queue strategies; the demo rings every free member for ringall and the first free one otherwise. */
const STRATEGIES = ['ringall', 'rrmemory', 'leastrecent', 'fewestcalls', 'linear']
/** Seconds; 0 = none set (the wallboard shows "—"). */
const SERVICE_LEVELS = [30, 60, 20, 0, 45]
const PAUSE_REASONS = ['Lunch', 'Break', 'Training', 'Meeting', 'Admin']

export function queueName(k: number): string {
  const base = `${DEPARTMENTS[k % DEPARTMENTS.length] ?? 'queue'}-${REGIONS[Math.floor(k / DEPARTMENTS.length) % REGIONS.length] ?? 'xx'}`
  return k < DEPARTMENTS.length * REGIONS.length ? base : `${base}-${String(Math.floor(k / (DEPARTMENTS.length * REGIONS.length)))}`
}

/** Adds the centre's queues, members and inbound routes to the office's records (extensions 2000… must be there). */
export function addCentre(records: ConfigRecords, o: Pick<CentreOptions, 'queues' | 'agents'>): Centre {
  const queues: CentreQueue[] = []
  const members = Array.from({ length: o.queues }, () => ({ static: [] as string[], dynamic: [] as string[] }))
  for (let i = 0; i < o.agents; i++) {
    const exten = String(2000 + i)
    const primary = i % o.queues
    // A second queue far from the first, so each queue has backup agents of other teams.
    const secondary = (primary + Math.max(1, Math.floor(o.queues / 2)) + Math.floor(i / o.queues)) % o.queues
    const put = (k: number, penalty: number): void => {
      const m = members[k]
      if (m === undefined) return
      if (i % 2 === 0) m.static.push(`Local/${exten}@from-queue/n,${String(penalty)}`)
      else m.dynamic.push(`${exten},${String(penalty)}`)
    }
    put(primary, 0)
    if (secondary !== primary) put(secondary, 1)
  }
  for (let k = 0; k < o.queues; k++) {
    const number = String(3000 + k)
    const did = `49899${String(k).padStart(5, '0')}`
    const name = queueName(k)
    records.queues.set(number, {
      extension: number,
      name,
      strategy: STRATEGIES[k % STRATEGIES.length] ?? 'ringall',
      serviceLevel: SERVICE_LEVELS[k % SERVICE_LEVELS.length] ?? 0,
      members: members[k]?.static ?? [],
      dynmembers: members[k]?.dynamic ?? [],
    })
    records.inboundRoutes.set(inboundRouteId(did, ''), newInboundRoute(did, '', `ext-queues,${number},1`, `${name} line`))
    queues.push({ name, number, did, weight: 1 + (k % 3) })
  }
  return { queues }
}

export class CallCentre {
  private task: ScheduledTask | undefined
  private running = false
  private dueCalls = 0
  private duePauses = 0
  private readonly paused = new Set<string>()
  private readonly offListener: () => void
  readonly stats = { placed: 0, pauses: 0 }
  private readonly totalWeight: number

  constructor(
    private readonly engine: PbxEngine,
    private readonly centre: Centre,
    private readonly o: CentreOptions,
  ) {
    this.totalWeight = centre.queues.reduce((s, q) => s + q.weight, 0)
    // A caller an agent answered talks for a while, then hangs up (AgentComplete follows).
    this.offListener = engine.pbx.events.on((ev) => {
      if (!this.running || ev.name !== 'AgentConnect') return
      const id = ev.fields.find(([k]) => k === 'Uniqueid')?.[1]
      const caller = id === undefined ? undefined : engine.findChannel(id)
      if (caller === undefined) return
      const talkMs = this.o.talkMeanS * 1000 * (0.3 + 1.4 * engine.rng.next())
      engine.later(caller, talkMs, () => {
        engine.softHangup(caller, 16)
      })
    })
  }

  start(): void {
    if (this.running) return
    this.running = true
    // Agents on auto-answer headsets pick up after 0.4–1.5 s, each at their own pace. (The demo's
    // app_queue rings members for one waiting caller of a queue at a time, so a queue serves at
    // most one caller per ring: slower answers would leave the queues overflowing.)
    for (const p of this.engine.phones.values()) if (p.exten.length === 4) p.autoAnswerMs = this.engine.rng.int(400, 1_500)
    this.tick()
  }

  stop(): void {
    this.running = false
    this.task?.cancel()
    this.offListener()
  }

  private pickQueue(): CentreQueue | undefined {
    let r = this.engine.rng.next() * this.totalWeight
    for (const q of this.centre.queues) {
      r -= q.weight
      if (r < 0) return q
    }
    return this.centre.queues[this.centre.queues.length - 1]
  }

  private tick(): void {
    const e = this.engine
    this.dueCalls += this.o.callsPerSecond / 10
    for (; this.dueCalls >= 1; this.dueCalls--) {
      const q = this.pickQueue()
      if (q === undefined) break
      this.stats.placed++
      const caller = e.inboundCall(
        'trunk',
        q.did,
        `+4989${String(1_000_000 + (this.stats.placed % 9_000_000))}`,
        `Caller ${String(this.stats.placed)}`,
      )
      if (caller === undefined) continue
      e.later(caller, e.rng.int(20, Math.max(20, this.o.patienceMaxS)) * 1000, () => {
        if (caller.queueName !== undefined) e.softHangup(caller, 16)
      })
    }
    this.duePauses += this.o.pausesPerMinute / 600
    for (; this.duePauses >= 1; this.duePauses--) this.pauseSomeone()
    this.task = e.scheduler.schedule(100, () => {
      if (this.running) this.tick()
    })
  }

  private pauseSomeone(): void {
    const e = this.engine
    const iface = `PJSIP/${String(2000 + e.rng.int(0, this.o.agents - 1))}`
    if (this.paused.has(iface)) return
    // In every queue at once, as a supervisor's "pause in all queues" does.
    if (!e.queuePause(undefined, iface, true, e.rng.pick(PAUSE_REASONS))) return
    this.paused.add(iface)
    this.stats.pauses++
    e.scheduler.schedule(e.rng.int(20_000, 120_000), () => {
      this.paused.delete(iface)
      if (this.running) e.queuePause(undefined, iface, false, '')
    })
  }
}
