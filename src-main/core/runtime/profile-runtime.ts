import type { ConnectionStatus } from '../../../src-preload/types/connections'
import type { LiveMessage } from '../../../src-preload/types/live'
import { CallActions } from '../actions/call-actions'
import { QueueActions } from '../actions/queue-actions'
import { AmiClient } from '../ami/client'
import type { AuditLog } from '../audit'
import { DEFAULT_DIAL_RATE, RateLimiter } from '../guard'
import { LiveSync, PatchCoalescer, toLiveState, type LiveSubscription } from '../live'
import type { PbxProfile } from '../profiles/schema'
import { liveLookup } from './live-lookup'

export interface ProfileRuntimeOptions {
  readonly profile: PbxProfile
  /** The AMI secret, fetched from the SecretBox when the runtime starts; never kept elsewhere. */
  readonly amiSecret: string
  readonly audit: AuditLog
  readonly onStatus: (status: ConnectionStatus) => void
  /** How often the live state is reconciled against fresh snapshots even without a reconnect. */
  readonly reconcileMs?: number
  readonly now?: () => number
}

/**
 * Everything one connected PBX profile runs: its AMI client, the live state kept right across
 * reconnects, the coalesced patches each window subscribes to, and the guarded operator actions.
 */
export class ProfileRuntime {
  readonly profile: PbxProfile
  readonly ami: AmiClient
  readonly sync: LiveSync
  readonly coalescer: PatchCoalescer
  readonly calls: CallActions
  readonly queues: QueueActions
  private readonly subscriptions = new Map<string, LiveSubscription>()
  private reconcileTimer: NodeJS.Timeout | undefined
  private status: ConnectionStatus

  constructor(private readonly opts: ProfileRuntimeOptions) {
    const p = opts.profile
    this.profile = p
    this.ami = new AmiClient({
      host: p.host,
      port: p.ami.port,
      username: p.ami.user,
      secret: opts.amiSecret,
      tls: p.ami.tls
        ? { rejectUnauthorized: p.ami.rejectUnauthorized, ...(p.ami.ca === undefined ? {} : { ca: p.ami.ca }), ...(p.ami.servername === undefined ? {} : { servername: p.ami.servername }) }
        : false,
      // Only what the console shows: no dialplan (Newexten/VarSet) or RTCP noise on the wire.
      events: 'call,agent,user,cdr,reporting',
    })
    this.sync = new LiveSync({ client: this.ami, now: opts.now ?? Date.now })
    this.coalescer = new PatchCoalescer({ profileId: p.id })
    this.sync.on('change', (model) => {
      this.coalescer.update(toLiveState(model))
    })
    const limiter = new RateLimiter({ ...DEFAULT_DIAL_RATE })
    const profile = (): PbxProfile => this.profile
    const lookup = liveLookup(() => this.sync.model)
    this.calls = new CallActions({ profile, ami: this.ami, live: lookup, audit: opts.audit, limiter })
    this.queues = new QueueActions({
      profile,
      ami: this.ami,
      audit: opts.audit,
      limiter,
      isMember: (queue, iface) => this.sync.model.queues[queue]?.members[iface] !== undefined,
    })
    this.status = { profileId: p.id, name: p.name, ami: 'connecting', ari: p.ari.enabled ? 'connecting' : 'disabled', rest: p.freepbx.enabled ? 'connecting' : 'disabled' }
    this.ami.on('connected', () => {
      this.setStatus({ ami: 'connected', amiError: undefined })
    })
    this.ami.on('disconnected', ({ error, willReconnect }) => {
      this.setStatus({ ami: willReconnect ? 'connecting' : 'down', amiError: error?.message ?? 'connection closed' })
    })
    this.ami.on('auth_failed', () => {
      this.setStatus({ ami: 'down', amiError: 'The PBX refused the AMI user name or secret; fix the profile to retry' })
    })
  }

  start(): void {
    this.sync.start()
    this.ami.start().catch((err: unknown) => {
      this.setStatus({ ami: 'down', amiError: err instanceof Error ? err.message : 'could not connect' })
    })
    const every = this.opts.reconcileMs ?? 5 * 60_000
    // A periodic rebuild bounds how long any missed event could leave the state wrong.
    this.reconcileTimer = setInterval(() => {
      if (this.ami.state === 'ready') void this.sync.resync()
    }, every)
    this.reconcileTimer.unref()
  }

  async stop(): Promise<void> {
    clearInterval(this.reconcileTimer)
    for (const sub of this.subscriptions.values()) sub.unsubscribe()
    this.subscriptions.clear()
    this.sync.stop()
    this.coalescer.dispose()
    await this.ami.stop()
  }

  connectionStatus(): ConnectionStatus {
    return this.status
  }

  /** One subscription per client: a window that subscribes again gets a fresh snapshot. */
  subscribe(clientId: string, send: (msg: LiveMessage) => void, isBackedUp: () => boolean): void {
    const existing = this.subscriptions.get(clientId)
    if (existing !== undefined) {
      existing.resend()
      return
    }
    this.subscriptions.set(clientId, this.coalescer.subscribe({ send, isBackedUp }))
  }

  unsubscribe(clientId: string): void {
    this.subscriptions.get(clientId)?.unsubscribe()
    this.subscriptions.delete(clientId)
  }

  private setStatus(change: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...change }
    this.opts.onStatus(this.status)
  }
}
