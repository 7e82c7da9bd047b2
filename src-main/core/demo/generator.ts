/**
 * The random call generator: inbound calls from the trunks to extensions, ring groups and
 * queues, outbound and internal calls, transfers, parks, abandons and voicemail — with
 * realistic durations, at `ratePerMinute`. Phones in the office profile ring until someone
 * answers; the generator plays those people (answers most calls after a few rings, lets some
 * go to voicemail). Load mode keeps `concurrentCalls` up with `callsPerSecond` new ones.
 * All randomness comes from the engine's seeded Rng, all timing from its Scheduler.
 */
import type { ScheduledTask } from './clock'
import type { PbxEngine } from './engine'
import type { Channel } from './model'

export interface GeneratorOptions {
  /** New calls per minute (ordinary demo traffic). */
  readonly ratePerMinute: number
}

export interface LoadOptions {
  readonly concurrentCalls: number
  readonly callsPerSecond: number
}

const FIRST_NAMES = [
  'Anna',
  'Bernd',
  'Chiara',
  'Dmitri',
  'Elif',
  'Fatou',
  'Gustav',
  'Hana',
  'Igor',
  'Jana',
  'Kofi',
  'Lena',
  'Marco',
  'Nadia',
  'Oskar',
  'Priya',
]
const LAST_NAMES = [
  'Außen',
  'Becker',
  'Costa',
  'Dąbrowski',
  'Engel',
  'Franke',
  'García',
  'Hoffmann',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lopez',
  'Müller',
  'Nowak',
  'Okafor',
]

export class CallGenerator {
  private nextTask: ScheduledTask | undefined
  private sweepTask: ScheduledTask | undefined
  private running = false
  private readonly decided = new Set<string>()
  readonly stats = { placed: 0 }

  constructor(
    private readonly engine: PbxEngine,
    private readonly options: GeneratorOptions,
  ) {}

  start(): void {
    if (this.running || this.options.ratePerMinute <= 0) return
    this.running = true
    this.scheduleNext()
    this.sweep()
  }

  stop(): void {
    this.running = false
    this.nextTask?.cancel()
    this.sweepTask?.cancel()
  }

  private scheduleNext(): void {
    const mean = 60_000 / this.options.ratePerMinute
    this.nextTask = this.engine.scheduler.schedule(this.engine.rng.exponential(mean), () => {
      if (!this.running) return
      this.placeRandomCall()
      this.scheduleNext()
    })
  }

  /** Plays the phone users: answers ringing phones after a few seconds, or lets them ring out. */
  private sweep(): void {
    const e = this.engine
    for (const ch of e.ringingChannels()) {
      if (this.decided.has(ch.uniqueid)) continue
      this.decided.add(ch.uniqueid)
      if (e.rng.chance(0.85)) {
        const id = ch.uniqueid
        e.later(ch, e.rng.int(2_000, 12_000), () => {
          if (e.answer(id)) this.scheduleTalk(ch)
        })
      }
    }
    if (this.decided.size > 10_000) this.decided.clear()
    this.sweepTask = e.scheduler.schedule(500, () => {
      if (this.running) this.sweep()
    })
  }

  private scheduleTalk(ch: Channel): void {
    const e = this.engine
    // Talk time: mostly 30 s – 4 min, sometimes long.
    const talk = e.rng.chance(0.1) ? e.rng.int(300_000, 900_000) : e.rng.int(30_000, 240_000)
    e.later(ch, talk, () => {
      const r = e.rng.next()
      if (r < 0.05) this.park(ch)
      else if (r < 0.1) this.transfer(ch)
      else if (r < 0.13) e.hold(ch, true)
      else e.softHangup(ch, 16)
    })
  }

  private park(ch: Channel): void {
    const e = this.engine
    const bridge = ch.bridgeId ? e.bridges.get(ch.bridgeId) : undefined
    const other = bridge?.channels.find((c) => c !== ch)
    if (!other) {
      e.softHangup(ch, 16)
      return
    }
    const space = e.parkChannel(other, undefined, ch.name.replace(/-[0-9a-f]{8}$/, ''), e.rng.int(30_000, 90_000))
    if (space === undefined) e.softHangup(ch, 16)
  }

  private transfer(ch: Channel): void {
    const e = this.engine
    const bridge = ch.bridgeId ? e.bridges.get(ch.bridgeId) : undefined
    const other = bridge?.channels.find((c) => c !== ch)
    const target = e.rng.pick([...e.phones.values()].filter((p) => p.registered && p.device !== ch.device))
    if (!other) {
      e.softHangup(ch, 16)
      return
    }
    e.redirect(other, e.profile.internalContext, target.exten, { transferer: ch })
    e.softHangup(ch, 16)
  }

  private callerId(): [string, string] {
    const e = this.engine
    const num = `+49${e.rng.int(30, 89)}${e.rng.int(1_000_000, 9_999_999)}`
    return [num, `${e.rng.pick(FIRST_NAMES)} ${e.rng.pick(LAST_NAMES)}`]
  }

  placeRandomCall(): Channel | undefined {
    const e = this.engine
    const trunks = e.profile.trunks
    const phones = [...e.phones.values()].filter((p) => p.registered)
    if (trunks.length === 0 || phones.length === 0) return undefined
    this.stats.placed++
    const r = e.rng.next()
    let ch: Channel | undefined
    if (r < 0.55) {
      const trunk = e.rng.pick(trunks)
      const did = e.rng.pick(trunk.dids)
      const [num, name] = this.callerId()
      ch = e.inboundCall(trunk.name, did, num, name)
      if (ch) {
        // Callers in a queue give up after a while (abandons); others talk, then hang up.
        const patience = e.rng.int(20_000, 180_000)
        const caller = ch
        e.later(caller, patience, () => {
          if (caller.queueName) e.softHangup(caller, 16)
        })
      }
    } else if (r < 0.8) {
      const from = e.rng.pick(phones)
      const to = e.rng.pick(phones.filter((p) => p !== from))
      ch = e.phoneCall(from.exten, to.exten)
    } else {
      const from = e.rng.pick(phones)
      ch = e.phoneCall(from.exten, `0${e.rng.int(30, 89)}${e.rng.int(1_000_000, 9_999_999)}`)
      if (ch) this.scheduleTalk(ch)
    }
    return ch
  }
}

/**
 * Load mode: `concurrentCalls` calls up at once, `callsPerSecond` new ones (each lives
 * concurrentCalls / callsPerSecond seconds). Calls are trunk → phone, answered after 1–3 s,
 * so every Newchannel is matched by exactly one Hangup.
 */
export class LoadGenerator {
  private task: ScheduledTask | undefined
  private running = false
  private due = 0
  readonly stats = { placed: 0 }

  constructor(
    private readonly engine: PbxEngine,
    private readonly options: LoadOptions,
  ) {}

  start(): void {
    if (this.running) return
    this.running = true
    for (const p of this.engine.phones.values()) p.autoAnswerMs = 1_000
    this.tick()
  }

  stop(): void {
    this.running = false
    this.task?.cancel()
  }

  private tick(): void {
    const e = this.engine
    const holdMs = (this.options.concurrentCalls / this.options.callsPerSecond) * 1000
    // Fractions carry over, so the rate (and with it the concurrency) is the one asked for.
    this.due += this.options.callsPerSecond / 10
    const perTick = Math.floor(this.due)
    this.due -= perTick
    const trunk = e.profile.trunks[0]
    if (trunk) {
      for (let i = 0; i < perTick; i++) {
        const did = trunk.dids[this.stats.placed % trunk.dids.length] ?? ''
        const phones = [...e.phones.values()].filter((p) => p.registered)
        const phone = phones[this.stats.placed % phones.length]
        this.stats.placed++
        if (!phone) break
        const ch = e.inboundCall(trunk.name, `${did.slice(0, -3)}1${phone.exten.slice(-2)}`, `+4930${1_000_000 + this.stats.placed}`, 'Load Caller')
        if (ch)
          e.later(ch, holdMs, () => {
            e.softHangup(ch, 16)
          })
      }
    }
    this.task = e.scheduler.schedule(100, () => {
      if (this.running) this.tick()
    })
  }
}
