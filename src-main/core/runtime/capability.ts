import type { OutcomeSettler } from '../actions/outcome-settler'
import type { AmiPort, LiveLookup } from '../actions/pbx-port'
import type { ListResult } from '../ami/client'
import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import type { AuditLog } from '../audit'
import type { FreepbxRunner } from '../freepbx/config/gql'
import type { DialBudget } from '../guard'
import type { LiveModel } from '../live'
import type { PbxProfile } from '../profiles/schema'

/** What a ProfileRuntime offers the capabilities built on it (one set per runtime, per profile). */
export interface CapabilityDeps {
  readonly profile: () => PbxProfile
  /** Whichever AmiClient the session holds now; none means nothing is sent (`not_connected`). */
  readonly ami: AmiPort
  /** Answers about the live calls, by the ids the renderer got from the live state. */
  readonly live: LiveLookup
  /** The live state as now; undefined until it was first loaded. */
  readonly liveModel: () => LiveModel | undefined
  readonly audit: AuditLog
  /** The seat's dial budget (kept by the RuntimeManager across restarts of this runtime). */
  readonly dialBudget: DialBudget
  /** Settles actions whose answer was lost from the state rebuilt after the loss. */
  readonly settler: OutcomeSettler
  /** Whether AMI is logged in now. */
  readonly amiReady: () => boolean
  /** Hang-up through ARI (its channel ids are the same Uniqueids); absent when the profile has no ARI. */
  readonly ariHangup?: (channelId: string) => Promise<void>
  /** The FreePBX API through the session's breaker; absent when the profile has it turned off. */
  readonly freepbx?: FreepbxRunner
  /** An AMI EventList action (VoicemailUsersList, DBGetTree …) on whichever client the session holds now. */
  readonly amiList: (name: string, fields?: AmiFieldsInput) => Promise<ListResult>
  /** Every AMI event the session receives (`Reload`, …); returns the unsubscribe. */
  readonly onAmiEvent: (listener: (msg: AmiMessage) => void) => () => void
  /** Each time AMI is logged in again (first connect and every reconnect); returns the unsubscribe. */
  readonly onAmiReady: (listener: () => void) => () => void
}

/**
 * One thing a runtime can do for the operator (call actions, queue actions …), built from the
 * runtime's deps. It is declared in its own slice folder; the runtime needs no line for it.
 */
export interface Capability<T> {
  /** Built from the runtime's deps; `use` reaches the runtime's other capabilities (the directory's names). */
  readonly build: (deps: CapabilityDeps & CapabilityHost) => T
}

export const defineCapability = <T>(build: (deps: CapabilityDeps & CapabilityHost) => T): Capability<T> => ({ build })

/** Where a slice's handlers reach a runtime's capability. */
export interface CapabilityHost {
  use<T>(capability: Capability<T>): T
}

/** A runtime's capabilities: each built once, the first time a handler uses it, then kept. */
export class CapabilityRegistry implements CapabilityHost {
  private readonly built = new Map<Capability<unknown>, unknown>()

  constructor(private readonly deps: CapabilityDeps) {}

  use<T>(capability: Capability<T>): T {
    if (this.built.has(capability)) return this.built.get(capability) as T
    const made = capability.build({ ...this.deps, use: <U>(other: Capability<U>): U => this.use(other) })
    this.built.set(capability, made)
    return made
  }

  /** The runtime stops: capabilities that keep timers or subscriptions (`dispose()`) let them go. */
  dispose(): void {
    for (const made of this.built.values()) {
      const d = (made as { dispose?: unknown } | null)?.dispose
      if (typeof d === 'function') (d as () => void).call(made)
    }
    this.built.clear()
  }
}
