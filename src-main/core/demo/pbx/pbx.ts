/**
 * The PBX core: composes the concerns and is what each of them sees of the others. A concern
 * is one module with its state, its part of the call flow and its events (queues/, parking/,
 * transfers/…); its AMI actions live beside it (…/actions.ts). Concerns call each other through
 * this object only at run time, so their construction order does not matter; what does matter —
 * the order of loading state and of listeners on device changes — is written down here.
 */
import type { Scheduler } from '../clock'
import { PbxConfig } from '../config/config-state'
import { ConfigReload } from '../config/reload'
import type { Profile } from '../config/profile'
import { Bridges } from '../channels/bridges'
import { Cdrs } from '../channels/cdr'
import { ChannelEvents } from '../channels/channel-events'
import { Hangups } from '../channels/hangup'
import { ChannelRegistry } from '../channels/registry'
import { DeviceStates } from '../devices/device-states'
import { Hints } from '../devices/hints'
import { Ringing } from '../devices/ringing'
import { Calls } from '../dialplan/calls'
import { DialApp } from '../dialplan/dial'
import { Dialplan } from '../dialplan/dialplan'
import { Originates } from '../dialplan/originate'
import { Stasis } from '../dialplan/stasis'
import { Dtmf } from '../features/dtmf'
import { Holds } from '../features/hold'
import { Recording } from '../features/recording'
import { Parking } from '../parking/parking'
import { Pickups } from '../pickup/pickup'
import { Presence } from '../presence/presence'
import { ChanSpies } from '../spy/spy'
import { QueueCalls } from '../queues/queue-calls'
import { Queues } from '../queues/queues'
import { AttendedTransfers } from '../transfers/attended'
import { BlindTransfers } from '../transfers/blind'
import { Voicemail } from '../voicemail/voicemail'
import { AstDb } from '../astdb/astdb'
import { DemoNames } from '../directory/names'
import type { Rng } from '../rng'
import { EventBus } from './events'

export class Pbx {
  readonly events = new EventBus()
  readonly config: PbxConfig
  // channels and bridges
  readonly channels = new ChannelRegistry(this)
  readonly channelEvents = new ChannelEvents(this)
  readonly bridges = new Bridges(this)
  readonly hangups = new Hangups(this)
  readonly cdrs = new Cdrs(this)
  // device and presence state
  readonly devices = new DeviceStates(this)
  readonly hints = new Hints(this)
  readonly ringing = new Ringing(this)
  /** DND, forwarding, presence notes and day/night as FreePBX keeps them (AstDB, custom device and presence state). */
  readonly presence = new Presence(this)
  // dialplan
  readonly dialplan = new Dialplan(this)
  readonly dial = new DialApp(this)
  readonly calls = new Calls(this)
  readonly originates = new Originates(this)
  readonly stasis = new Stasis(this)
  // queues, parking, pickup, transfers, in-call features, voicemail
  readonly queues = new Queues(this)
  readonly queueCalls = new QueueCalls(this)
  readonly parking = new Parking(this)
  readonly pickups = new Pickups(this)
  readonly blind = new BlindTransfers(this)
  readonly attended = new AttendedTransfers(this)
  readonly holds = new Holds(this)
  readonly dtmf = new Dtmf(this)
  readonly recording = new Recording(this)
  readonly spy = new ChanSpies(this)
  readonly voicemail = new Voicemail(this)
  // the AstDB (FreePBX's run-time keys: names, DND, forwarding, day/night); kept across restarts, as on disk
  readonly astdb = new AstDb()
  // FreePBX's AMPUSER/DEVICE keys (names) in the AstDB, written at start and after each Apply
  readonly names = new DemoNames(this)
  // configuration reloads (Apply Config on the simulated FreePBX)
  readonly configReload = new ConfigReload(this)

  startedMs: number
  reloadedMs: number
  processedCalls = 0

  constructor(
    profile: Profile,
    readonly scheduler: Scheduler,
    readonly rng: Rng,
  ) {
    this.config = new PbxConfig(profile)
    // A device's change reaches queue members first (QueueMemberStatus), then hints (ExtensionStatus).
    this.devices.onChange((device, state) => {
      this.queues.deviceChanged(device, state)
    })
    this.devices.onChange((device, state) => {
      this.hints.deviceChanged(device, state)
    })
    this.startedMs = scheduler.now()
    this.reloadedMs = this.startedMs
    this.load()
    this.config.freepbx?.onApply((_before, _after, parts) => {
      this.configReload.apply(parts)
      this.names.load()
    })
  }

  now(): number {
    return this.scheduler.now()
  }

  /**
   * The state a freshly started PBX has. The order of the device states is the order
   * DeviceStateList prints them: mailboxes, queue devices, then (office) phones.
   */
  private load(): void {
    this.config.load()
    this.queues.load()
    this.voicemail.load()
    this.queues.loadDeviceStates()
    this.devices.loadPhones()
    this.names.load()
    this.presence.load()
  }

  /**
   * A simulated Asterisk restart: every channel vanishes without events (the process died),
   * counters restart — Uniqueid sequences start again at .0 with a new epoch, so a client that
   * keys CDRs by Uniqueid alone can collide across restarts.
   */
  restart(): void {
    this.channels.reset()
    this.parking.reset()
    this.bridges.reset()
    this.queues.reset()
    this.voicemail.reset()
    this.devices.reset()
    this.processedCalls = 0
    this.startedMs = this.now()
    this.reloadedMs = this.startedMs
    this.load()
  }
}
