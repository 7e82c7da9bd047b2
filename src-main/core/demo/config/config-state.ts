/**
 * Configuration state: what the demo PBX is configured with — its extensions (phones), trunks,
 * queues, mailboxes, parking lot and dialplan routes — read from a Profile. Every concern asks
 * here, never the profile directly, so a configuration editor changes one place.
 * A phone also carries its endpoint's runtime state (registered, do-not-disturb, auto-answer):
 * the device-state concern reads it, the generator and the control API change it.
 */
import type { FreepbxConfig } from './freepbx-config'
import type { PhoneSpec, Profile, QueueSpec, Route, TrunkSpec } from './profile'

export interface Phone {
  readonly exten: string
  readonly name: string
  /** `PJSIP/101` in the office profile, `Local/101@lab` in the lab profile. */
  readonly device: string
  readonly context: string
  registered: boolean
  /** Do-not-disturb: calls get BUSY. */
  dnd: boolean
  /** Answers automatically after this many ms (undefined = rings until told to answer). */
  autoAnswerMs: number | undefined
  hintInstantiated: boolean
}

export interface ParkingLot {
  readonly name: string
  readonly start: number
  readonly stop: number
  readonly timeoutS: number
}

export class PbxConfig {
  readonly phones = new Map<string, Phone>()
  readonly phoneByDevice = new Map<string, Phone>()

  constructor(readonly profile: Profile) {}

  /** `lab` reproduces the capture lab's quirks (its pattern hints, instant answers, NoOps). */
  get isLab(): boolean {
    return this.profile.id === 'lab'
  }

  get systemName(): string {
    return this.profile.systemName
  }

  get internalContext(): string {
    return this.profile.internalContext
  }

  get trunks(): readonly TrunkSpec[] {
    return this.profile.trunks
  }

  get queues(): readonly QueueSpec[] {
    return this.profile.queues
  }

  get mailboxes(): readonly string[] {
    return this.profile.mailboxes
  }

  get parking(): ParkingLot {
    return this.profile.parking
  }

  route(context: string, exten: string, callerNum?: string): Route | undefined {
    // func_periodic_hook's own `beep` extension (Answer, Playback(beep), Hangup), in every Asterisk
    // that loads the module: a beep lasts about a second here.
    if (context === '__func_periodic_hook_context__' && exten === 'beep') return { kind: 'timed', seconds: 1 }
    return this.profile.route(context, exten, callerNum)
  }

  /** The simulated FreePBX this PBX follows (office profile). */
  get freepbx(): FreepbxConfig | undefined {
    return this.profile.freepbx
  }

  trunk(name: string): TrunkSpec | undefined {
    return this.profile.trunks.find((t) => t.name === name)
  }

  /** The phone on `device` (`PJSIP/101`), compared as Asterisk does: without case. */
  phoneOnDevice(device: string): Phone | undefined {
    return [...this.phones.values()].find((p) => p.device.toLowerCase() === device.toLowerCase())
  }

  /** (Re)creates the phones from the profile, as a freshly started PBX has them. */
  load(): void {
    this.phones.clear()
    this.phoneByDevice.clear()
    for (const spec of this.profile.phones) this.addPhone(spec)
  }

  /**
   * A configuration reload (Apply Config): phones for extensions that are new, as given (the
   * caller registers them), and phones of deleted extensions gone; a renamed one keeps its state.
   */
  reloadPhones(): { added: Phone[]; removed: Phone[] } {
    const specs = new Map(this.profile.phones.map((s) => [s.exten, s]))
    const removed = [...this.phones.values()].filter((ph) => !specs.has(ph.exten))
    for (const ph of removed) {
      this.phones.delete(ph.exten)
      this.phoneByDevice.delete(ph.device)
    }
    const added: Phone[] = []
    for (const spec of specs.values()) {
      const old = this.phones.get(spec.exten)
      if (old === undefined) added.push(this.addPhone({ ...spec, registered: false }))
      else if (old.name !== spec.name) this.phones.set(spec.exten, { ...old, name: spec.name })
    }
    for (const ph of this.phones.values()) this.phoneByDevice.set(ph.device, ph)
    return { added, removed }
  }

  private addPhone(spec: PhoneSpec): Phone {
    const p = this.profile
    const phone: Phone = {
      exten: spec.exten,
      name: spec.name,
      device: spec.device,
      context: p.internalContext,
      registered: spec.registered,
      dnd: false,
      autoAnswerMs: p.phonesAutoAnswer ? 0 : undefined,
      // The lab used a pattern hint (`_10[0-5],hint`), instantiated lazily; FreePBX writes one hint per
      // extension, so in the office PBX every hint exists from the start and reports changes.
      hintInstantiated: p.id !== 'lab',
    }
    this.phones.set(spec.exten, phone)
    this.phoneByDevice.set(phone.device, phone)
    return phone
  }
}
