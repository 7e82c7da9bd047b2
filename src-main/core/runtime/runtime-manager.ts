import type { ConnectionStatus } from '../../../src-preload/types/connections'
import { ApiFailure } from '../errors/api-failure'
import type { AuditLog } from '../audit'
import type { CdrStore } from '../cdr'
import type { EventBus } from '../events/bus'
import type { ProfileService } from '../profiles/profile-service'
import type { PbxProfile, SecretKind } from '../profiles/schema'
import { DialBudgets } from '../guard'
import { ProfileRuntime } from './profile-runtime'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface BuiltinProfile {
  readonly profile: PbxProfile
  /** The demo's well-known loopback credentials (never a real PBX's). */
  readonly secrets: Readonly<Partial<Record<SecretKind, string>>>
}

export interface RuntimeManagerOptions {
  readonly profiles: ProfileService
  readonly audit: AuditLog
  readonly bus: EventBus
  /** The CDR cache every runtime ingests into. */
  readonly cdr: () => Promise<CdrStore>
  /** The demo PBX's profile, when web mode or the desktop app started the built-in demo. */
  readonly builtin?: BuiltinProfile
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * One ProfileRuntime per PBX profile, all connected at once (a console may watch several PBXs).
 * Runtimes follow the stored profiles: saved → (re)started with the new settings, removed → stopped.
 */
export class RuntimeManager {
  private readonly runtimes = new Map<string, ProfileRuntime>()
  /**
   * One dial budget per profile and operator extension, outliving the runtimes: a profile save
   * restarts its runtime, and that must not hand its seat a fresh burst.
   */
  private readonly dialBudgets = new DialBudgets()
  /** clientId → the profile id it subscribed to last (audit names that seat's role). */
  private readonly subscribed = new Map<string, string>()

  constructor(private readonly opts: RuntimeManagerOptions) {}

  async startAll(): Promise<void> {
    const builtin = this.opts.builtin
    if (builtin !== undefined) this.launch(builtin.profile, (kind) => Promise.resolve(builtin.secrets[kind]))
    const { profiles } = await this.opts.profiles.view()
    for (const p of profiles) await this.restart(p)
  }

  /** Called after a profile was saved: reconnect with what is stored now. */
  async restart(profile: PbxProfile): Promise<void> {
    await this.stop(profile.id)
    // A stored secret is handed out only for the endpoint it was entered for (this profile's).
    this.launch(profile, async (kind) => {
      const found = await this.opts.profiles.secretFor(profile, kind)
      if (found.state === 'unbound') throw new Error(found.reason)
      return found.state === 'bound' ? found.value : undefined
    })
  }

  async stop(profileId: string): Promise<void> {
    const rt = this.runtimes.get(profileId)
    if (rt === undefined) return
    this.runtimes.delete(profileId)
    await rt.stop()
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.runtimes.keys()].map((id) => this.stop(id)))
  }

  get(profileId: string): ProfileRuntime {
    const rt = this.runtimes.get(profileId)
    if (rt === undefined) throw new ApiFailure('not_found', t('noRuntime', { profileId }))
    return rt
  }

  /** The PBX's IANA zone for CDR times; UTC for a profile that is not running. */
  timeZoneOf(profileId: string): string {
    return this.runtimes.get(profileId)?.profile.timeZone ?? 'UTC'
  }

  /** The profile this window or socket receives live updates for (its seat), if any. Read-only. */
  subscribedProfile(clientId: string): PbxProfile | undefined {
    const id = this.subscribed.get(clientId)
    return id === undefined ? undefined : this.runtimes.get(id)?.profile
  }

  statuses(): ConnectionStatus[] {
    return [...this.runtimes.values()].map((rt) => rt.connectionStatus())
  }

  /** Live updates for one client; the subscription ends with the client. */
  subscribe(clientId: string, profileId: string): void {
    const rt = this.get(profileId)
    // A window shows one PBX at a time: switching drops the previous subscription.
    for (const [id, other] of this.runtimes) if (id !== profileId) other.unsubscribe(clientId)
    rt.subscribe(
      clientId,
      (msg) => {
        this.opts.bus.sendTo(clientId, 'live.message', msg)
      },
      () => this.opts.bus.isBackedUp(clientId),
    )
    this.subscribed.set(clientId, profileId)
    this.opts.bus.onClientClose(clientId, () => {
      this.runtimes.get(profileId)?.unsubscribe(clientId)
      if (this.subscribed.get(clientId) === profileId) this.subscribed.delete(clientId)
    })
  }

  private launch(profile: PbxProfile, getSecret: (kind: SecretKind) => Promise<string | undefined>): void {
    const rt = new ProfileRuntime({
      profile,
      getSecret,
      audit: this.opts.audit,
      dialBudget: this.dialBudgets,
      cdr: this.opts.cdr,
      ...(this.opts.log === undefined ? {} : { log: this.opts.log }),
      onStatus: (status) => {
        this.publish(status)
      },
      onSettled: (clientId, settled) => {
        this.opts.bus.sendTo(clientId, 'actions.settled', settled)
      },
    })
    this.runtimes.set(profile.id, rt)
    this.publish(rt.connectionStatus())
    rt.start().catch((err: unknown) => {
      this.opts.log?.(`profile ${profile.id} failed to start`, err)
    })
  }

  private publish(status: ConnectionStatus): void {
    this.opts.bus.publish('connections.changed', status)
  }
}
