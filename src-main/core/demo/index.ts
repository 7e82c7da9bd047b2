/**
 * startDemoPbx(): the simulated Asterisk in-process — the engine, the AMI server, the ARI
 * server, the call generator and the control API. Used by `npm run demo:pbx`, web mode, the
 * desktop app's demo profile and every test that needs a PBX.
 */
import { randomBytes } from 'node:crypto'
import { DemoAmiServer } from './ami-server'
import { type AmiUser, defaultUsers } from './ami-users'
import { type AriUser, DemoAriServer } from './ari-server'
import { Scheduler } from './clock'
import { startControlServer } from './control-http'
import { PbxEngine } from './engine'
import { CallGenerator, type LoadOptions, LoadGenerator } from './generator'
import type { Channel } from './model'
import type { Profile } from './config/profile'
import { labProfile } from './config/lab'
import { officeProfile } from './config/office'
import type { FreepbxConfig } from './config/freepbx-config'
import { type GeneratedSize, officeFreepbxConfig } from './config/office-config'
import { Rng } from './rng'

export interface DemoPbxOptions {
  /** 'office' (default): PJSIP phones, queues, trunks. 'lab': the capture lab (fidelity tests). */
  readonly profile?: 'office' | 'lab'
  /** AMI port; 0 = any free port. Default 5038, or any free port if 5038 is taken. */
  readonly amiPort?: number
  /** ARI port; 0 = any free port. Default 8088, or any free port if 8088 is taken. */
  readonly ariPort?: number
  /** Loopback control endpoint: undefined = off, 0 = any free port. */
  readonly controlPort?: number
  /** Token for the control endpoint (random when omitted). */
  readonly controlToken?: string
  readonly seed?: number
  /** Random calls per minute; 0 = no generator (tests script calls themselves). Default 6. */
  readonly rate?: number
  /** Load mode (benchmarks): replaces the ordinary generator. */
  readonly load?: LoadOptions
  /** 'real' (default): time follows the wall clock × speed. 'manual': only advanceTime(). */
  readonly clock?: 'real' | 'manual'
  readonly speed?: number
  /** Virtual start time, epoch ms (default: now). */
  readonly startMs?: number
  readonly amiUsers?: readonly AmiUser[]
  readonly ariUsers?: readonly AriUser[]
  /** Delay before a failed login's answer (Asterisk ~1000 ms). Default 1000. */
  readonly authFailDelayMs?: number
  /** Per-connection unsent-output limit before a non-reading client is dropped. */
  readonly maxOutputBytes?: number
  /**
   * Office profile: the simulated FreePBX configuration the PBX follows (shared with the demo
   * FreePBX API). Default: the office's own, plus `generate` bulk data (benchmarks).
   */
  readonly freepbx?: FreepbxConfig
  readonly generate?: GeneratedSize
}

export interface PlaceCallRequest {
  /** `{ trunk, callerNum, callerName }` for an inbound call, or `{ exten }` for a phone's call. */
  readonly from: { readonly trunk: string; readonly callerNum?: string; readonly callerName?: string } | { readonly exten: string }
  /** DID (trunk calls) or extension/number dialled (phone calls). */
  readonly to: string
}

export interface ChannelRef {
  readonly uniqueid: string
  readonly name: string
}

export interface DemoPbxInfo {
  readonly ami: { readonly host: string; readonly port: number; readonly users: readonly { username: string; secret: string }[] }
  readonly ari: { readonly host: string; readonly port: number; readonly users: readonly { username: string; secret: string }[] }
  readonly control: { readonly port: number; readonly token: string } | undefined
  readonly profile: string
  readonly seed: number
}

export interface DemoPbx {
  readonly engine: PbxEngine
  /** The simulated FreePBX configuration this PBX follows after Apply Config (office profile). */
  readonly freepbx: FreepbxConfig | undefined
  readonly ami: DemoAmiServer
  readonly ari: DemoAriServer
  info(): DemoPbxInfo
  placeCall(req: PlaceCallRequest): ChannelRef | undefined
  answer(channel: string): boolean
  hangup(channel: string, cause?: number): boolean
  hold(channel: string, on?: boolean): boolean
  /** Parks the channel (its bridge partner stays until the parked call ends). Returns the space. */
  park(channel: string): number | undefined
  /** A member leaves a queue (dynamic: removed; static: paused with reason `left`). */
  memberLeave(queue: string, iface: string): boolean
  memberPause(queue: string, iface: string, paused: boolean, reason?: string): boolean
  advanceTime(ms: number): void
  setSpeed(speed: number): void
  stopAmi(): Promise<void>
  startAmi(): Promise<number>
  stopAri(): Promise<void>
  startAri(): Promise<number>
  cutAllConnections(): void
  /**
   * Simulated Asterisk restart: AMI clients get `Event: Shutdown` (`Shutdown: Uncleanly` while
   * calls are up, `Restart: True`) and are disconnected, channels vanish, the Uniqueid
   * sequence restarts, AMI and ARI listen again on the same ports.
   */
  restart(): Promise<void>
  channels(): ChannelRef[]
  stop(): Promise<void>
}

async function listenPreferred(start: (port: number) => Promise<number>, wanted: number | undefined, preferred: number): Promise<number> {
  if (wanted !== undefined) return start(wanted)
  try {
    return await start(preferred)
  } catch {
    return start(0)
  }
}

export async function startDemoPbx(options: DemoPbxOptions = {}): Promise<DemoPbx> {
  const seed = options.seed ?? 1
  const profile: Profile = options.profile === 'lab' ? labProfile() : officeProfile(options.freepbx ?? officeFreepbxConfig(options.generate))
  const scheduler = new Scheduler({ startMs: options.startMs ?? Date.now(), mode: options.clock ?? 'real', speed: options.speed ?? 1 })
  const engine = new PbxEngine(profile, scheduler, new Rng(seed))
  const amiUsers = options.amiUsers ?? defaultUsers()
  const ariUsers = options.ariUsers ?? [{ username: 'demo', secret: 'demo' }]
  const ami = new DemoAmiServer(engine, {
    port: options.amiPort ?? 5038,
    users: amiUsers,
    authFailDelayMs: options.authFailDelayMs,
    maxOutputBytes: options.maxOutputBytes,
  })
  const ari = new DemoAriServer(engine, { port: options.ariPort ?? 8088, users: ariUsers, maxOutputBytes: options.maxOutputBytes })
  await listenPreferred((p) => ami.start(p), options.amiPort, 5038)
  try {
    await listenPreferred((p) => ari.start(p), options.ariPort, 8088)
  } catch (err) {
    await ami.stop()
    throw err
  }
  scheduler.start()
  const generator = options.load ? new LoadGenerator(engine, options.load) : new CallGenerator(engine, { ratePerMinute: options.rate ?? 6 })
  generator.start()

  const find = (channel: string): Channel | undefined => engine.findChannel(channel)
  const ref = (ch: Channel | undefined): ChannelRef | undefined => (ch ? { uniqueid: ch.uniqueid, name: ch.name } : undefined)

  const pbx: DemoPbx = {
    engine,
    freepbx: profile.freepbx,
    ami,
    ari,
    info: () => ({
      ami: { host: '127.0.0.1', port: ami.port, users: amiUsers.map((u) => ({ username: u.username, secret: u.secret })) },
      ari: { host: '127.0.0.1', port: ari.port, users: ariUsers.map((u) => ({ username: u.username, secret: u.secret })) },
      control: control ? { port: control.port, token } : undefined,
      profile: profile.id,
      seed,
    }),
    placeCall(req) {
      if ('trunk' in req.from)
        return ref(engine.inboundCall(req.from.trunk, req.to, req.from.callerNum ?? '+4930123456', req.from.callerName ?? 'Demo Caller'))
      return ref(engine.phoneCall(req.from.exten, req.to))
    },
    answer: (channel) => engine.answer(channel),
    hangup(channel, cause = 16) {
      const ch = find(channel)
      if (!ch) return false
      engine.softHangup(ch, cause)
      return true
    },
    hold(channel, on = true) {
      const ch = find(channel)
      return ch ? engine.hold(ch, on) : false
    },
    park(channel) {
      const ch = find(channel)
      if (!ch) return undefined
      const bridge = ch.bridgeId ? engine.bridges.get(ch.bridgeId) : undefined
      const other = bridge?.channels.find((c) => c !== ch)
      return engine.parkChannel(ch, other, (other ?? ch).name.replace(/-[0-9a-f]{8}(;\d)?$/, ''))
    },
    memberLeave(queue, iface) {
      const r = engine.queueRemove(queue, iface)
      if (r === 'static') return engine.queuePause(queue, iface, true, 'left')
      return r === 'ok'
    },
    memberPause: (queue, iface, paused, reason = '') => engine.queuePause(queue, iface, paused, reason),
    advanceTime: (ms) => {
      scheduler.advance(ms)
    },
    setSpeed: (speed) => {
      scheduler.setSpeed(speed)
    },
    stopAmi: () => ami.stop(),
    startAmi: () => ami.start(),
    stopAri: () => ari.stop(),
    startAri: () => ari.start(),
    cutAllConnections() {
      ami.cutAllConnections()
      ari.cutAllConnections()
    },
    async restart() {
      generator.stop()
      ami.announceShutdown(true, engine.channels.size > 0)
      await ami.stop()
      await ari.stop()
      engine.restart()
      await ami.start()
      await ari.start()
      generator.start()
    },
    channels: () => engine.channelList().map((c) => ({ uniqueid: c.uniqueid, name: c.name })),
    async stop() {
      generator.stop()
      scheduler.stop()
      await control?.close()
      await ami.stop()
      await ari.stop()
    },
  }

  const token = options.controlToken ?? randomBytes(16).toString('hex')
  const control =
    options.controlPort === undefined
      ? undefined
      : await startControlServer(token, options.controlPort, (command, body) => runControl(pbx, command, body))
  return pbx
}

function str(body: Record<string, unknown>, key: string): string {
  const v = body[key]
  if (typeof v !== 'string') throw new Error(`${key} must be a string`)
  return v
}

function optStr(body: Record<string, unknown>, key: string): string | undefined {
  const v = body[key]
  return typeof v === 'string' ? v : undefined
}

function num(body: Record<string, unknown>, key: string): number {
  const v = body[key]
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new Error(`${key} must be a number`)
  return v
}

/** The control endpoint's commands: the in-process API by name. */
async function runControl(pbx: DemoPbx, command: string, body: Record<string, unknown>): Promise<unknown> {
  switch (command) {
    case 'info':
      return pbx.info()
    case 'placeCall': {
      const trunk = optStr(body, 'trunk')
      const from =
        trunk !== undefined
          ? { trunk, callerNum: optStr(body, 'callerNum'), callerName: optStr(body, 'callerName') }
          : { exten: str(body, 'fromExten') }
      return pbx.placeCall({ from, to: str(body, 'to') }) ?? null
    }
    case 'answer':
      return pbx.answer(str(body, 'channel'))
    case 'hangup':
      return pbx.hangup(str(body, 'channel'), typeof body.cause === 'number' ? body.cause : 16)
    case 'hold':
      return pbx.hold(str(body, 'channel'), body.on !== false)
    case 'park':
      return pbx.park(str(body, 'channel')) ?? null
    case 'memberLeave':
      return pbx.memberLeave(str(body, 'queue'), str(body, 'interface'))
    case 'memberPause':
      return pbx.memberPause(str(body, 'queue'), str(body, 'interface'), body.paused === true, optStr(body, 'reason'))
    case 'advanceTime':
      pbx.advanceTime(num(body, 'ms'))
      return true
    case 'setSpeed':
      pbx.setSpeed(num(body, 'speed'))
      return true
    case 'stopAmi':
      await pbx.stopAmi()
      return true
    case 'startAmi':
      return pbx.startAmi()
    case 'stopAri':
      await pbx.stopAri()
      return true
    case 'startAri':
      return pbx.startAri()
    case 'cutAllConnections':
      pbx.cutAllConnections()
      return true
    case 'restart':
      await pbx.restart()
      return true
    case 'channels':
      return pbx.channels()
    case 'freepbxReload': {
      // How the simulated FreePBX's next Apply Config ends: executed, failed (details) or stuck.
      const config = pbx.freepbx
      if (config === undefined) throw new Error('the lab profile has no FreePBX')
      const outcome = optStr(body, 'outcome') ?? config.reloadBehaviour.outcome
      if (outcome !== 'executed' && outcome !== 'failed' && outcome !== 'stuck') throw new Error('outcome is executed, failed or stuck')
      const delayMs =
        typeof body.delayMs === 'number' && Number.isFinite(body.delayMs) && body.delayMs >= 0 ? body.delayMs : config.reloadBehaviour.delayMs
      config.reloadBehaviour = { outcome, delayMs, details: optStr(body, 'details') ?? config.reloadBehaviour.details }
      return config.reloadBehaviour
    }
    default:
      throw new Error(`unknown command ${command}`)
  }
}
