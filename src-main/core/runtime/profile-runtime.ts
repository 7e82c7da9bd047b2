import type { ActionSettled } from '../../../src-preload/types/actions'
import type { ConnectionStatus } from '../../../src-preload/types/connections'
import type { LiveMessage, LiveState } from '../../../src-preload/types/live'
import { OutcomeSettler } from '../actions/outcome-settler'
import type { AmiPort } from '../actions/pbx-port'
import type { AmiClient } from '../ami/client'
import { AmiError } from '../ami/errors'
import type { AmiMessage } from '../ami/message'
import type { CdrStore } from '../cdr'
import { backfillFromFreepbx } from '../cdr/backfill'
import { CdrLiveIngest } from '../cdr/live-ingest'
import { QueueEventLiveIngest } from '../reports/live-ingest'
import type { AuditLog } from '../audit'
import { PbxSession, type SessionStatus } from '../connection'
import { DialBudgets, type DialBudget } from '../guard'
import { LiveSync, PatchCoalescer, toLiveState, type LiveSubscription } from '../live'
import { voicemailEventFilters } from '../live/voicemail-events'
import type { PbxProfile, SecretKind } from '../profiles/schema'
import { directoryCapability } from '../directory/capability'
import { CapabilityRegistry, type Capability, type CapabilityHost } from './capability'
import { liveLookup } from './live-lookup'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface ProfileRuntimeOptions {
  readonly profile: PbxProfile
  /** Reads a secret from the SecretBox when connecting; the runtime never keeps one. */
  readonly getSecret: (kind: SecretKind) => Promise<string | undefined>
  readonly audit: AuditLog
  /**
   * The console's dial budgets (one per profile and operator extension), held by the
   * RuntimeManager so a restart of this runtime — a profile save — does not refill them.
   * Absent: this runtime keeps its own.
   */
  readonly dialBudget?: DialBudget
  readonly onStatus: (status: ConnectionStatus) => void
  /** An action whose answer was lost was settled from the resynced state: tell the window that acted. */
  readonly onSettled?: (clientId: string, settled: ActionSettled) => void
  /** The call-history cache: AMI `Cdr` events go in live, FreePBX API rows by backfill. */
  readonly cdr?: () => Promise<CdrStore>
  /** How often the FreePBX API is asked for CDRs the console may have missed. */
  readonly backfillMs?: number
  readonly log?: (message: string, err?: unknown) => void
  /** How often the live state is reconciled against fresh snapshots even without a reconnect. */
  readonly reconcileMs?: number
  readonly now?: () => number
}

/** Only what the console shows: no dialplan (Newexten/VarSet) or RTCP noise on the wire. */
/** `system` for `Reload` (the directory reads the extensions' names again when the PBX's configuration changes). */
const EVENT_MASK = 'call,agent,user,cdr,reporting,system'
/** Plus app_voicemail's Newexten alone, where the AMI user may add filters (live/voicemail-events.ts). */
const VOICEMAIL_EVENTS = voicemailEventFilters(EVENT_MASK)

/**
 * Everything one connected PBX profile runs: its PbxSession (AMI, ARI, FreePBX API behind one
 * circuit breaker), the live state kept right across reconnects, the coalesced patches each
 * window subscribes to, and the capabilities the slices build on it (the guarded operator
 * actions: calls/, queues/ …), reached with `use(capability)`.
 */
export class ProfileRuntime implements CapabilityHost {
  readonly profile: PbxProfile
  readonly session: PbxSession
  readonly coalescer: PatchCoalescer
  private readonly settler: OutcomeSettler
  private readonly capabilities: CapabilityRegistry
  private sync: LiveSync | undefined
  private readonly subscriptions = new Map<string, LiveSubscription>()
  private reconcileTimer: NodeJS.Timeout | undefined
  private backfillTimer: NodeJS.Timeout | undefined
  private ingest: CdrLiveIngest | undefined
  private readonly earlyCdrs: AmiMessage[] = []
  /** app_queue's events for the reports, kept beside the CDRs; early ones wait with the time they came. */
  private queueIngest: QueueEventLiveIngest | undefined
  private readonly earlyQueueEvents: [AmiMessage, number][] = []
  private status: ConnectionStatus

  constructor(private readonly opts: ProfileRuntimeOptions) {
    const p = opts.profile
    this.profile = p
    this.session = new PbxSession({
      profile: p,
      getSecret: opts.getSecret,
      ami: { events: EVENT_MASK, filters: VOICEMAIL_EVENTS.filters, filteredEvents: VOICEMAIL_EVENTS.events },
    })
    this.coalescer = new PatchCoalescer({ profileId: p.id })
    const dialBudget = opts.dialBudget ?? new DialBudgets(opts.now === undefined ? {} : { now: opts.now })
    const profile = (): PbxProfile => this.profile
    const ami = this.amiPort()
    const lookup = liveLookup(() => this.requireSync().model)
    this.settler = new OutcomeSettler({
      audit: opts.audit,
      ...(opts.now === undefined ? {} : { now: opts.now }),
      onSettled: (clientId, settled) => opts.onSettled?.(clientId, settled),
      // After a timeout the connection is still up: no reconnect will bring a resync by itself.
      requestResync: () => {
        if (this.session.amiClient?.state === 'ready') void this.sync?.resync()
      },
      ...(opts.log === undefined ? {} : { log: opts.log }),
    })
    this.capabilities = new CapabilityRegistry({
      profile,
      ami,
      live: lookup,
      liveModel: () => this.sync?.model,
      audit: opts.audit,
      dialBudget,
      settler: this.settler,
      amiReady: () => this.session.amiClient?.state === 'ready',
      ...(p.ari.enabled ? { ariHangup: (channelId: string) => this.session.ari((c) => c.hangup(channelId)) } : {}),
      ...(p.freepbx.enabled ? { freepbx: (work) => this.session.rest(work) } : {}),
      amiList: (name, fields) => {
        const c = this.session.amiClient
        if (c === undefined) return Promise.reject(new AmiError('not_connected', t('notConnected')))
        return c.list(name, fields)
      },
      onAmiEvent: (listener) => this.session.on('amiEvent', listener),
      onAmiReady: (listener) => {
        let wasReady = this.session.status().ami.state === 'connected'
        return this.session.on('status', (s) => {
          const ready = s.ami.state === 'connected'
          if (ready && !wasReady) listener()
          wasReady = ready
        })
      },
    })
    this.status = toConnectionStatus(p, this.session.status())
    this.session.on('status', (s) => {
      this.status = toConnectionStatus(p, s)
      opts.onStatus(this.status)
    })
    if (opts.cdr !== undefined) {
      this.session.on('amiEvent', (msg: AmiMessage) => {
        // Cdr events that arrive while the store opens are kept and handed over once it is open.
        if (this.ingest !== undefined) this.ingest.push(msg)
        else if (msg.get('Event') === 'Cdr' && this.earlyCdrs.length < 10_000) this.earlyCdrs.push(msg)
        if (this.queueIngest !== undefined) this.queueIngest.push(msg)
        else if (QueueEventLiveIngest.wants(msg) && this.earlyQueueEvents.length < 10_000) this.earlyQueueEvents.push([msg, (opts.now ?? Date.now)()])
      })
    }
  }

  async start(): Promise<void> {
    if (this.opts.cdr !== undefined) void this.startHistory(this.opts.cdr)
    await this.session.connect()
    const client = this.session.amiClient
    if (client === undefined) return
    this.sync = new LiveSync({ client, now: this.opts.now ?? Date.now })
    this.sync.on('change', (model) => {
      this.coalescer.update(toLiveState(model))
    })
    const sync = this.sync
    const now = this.opts.now ?? Date.now
    // Actions whose answer was lost are settled by the first rebuild requested after the loss.
    sync.on('synced', (info) => {
      this.settler.onResynced(sync.model, now() - info.durationMs)
    })
    // The PBX's names are read once its extensions are known, so audit lines and toasts name people from the first action on.
    let named = false
    sync.on('synced', () => {
      if (named) return
      named = true
      void this.capabilities
        .use(directoryCapability)
        .list()
        .catch(() => undefined)
    })
    this.sync.start()
    const every = this.opts.reconcileMs ?? 5 * 60_000
    // A periodic rebuild bounds how long any missed event could leave the state wrong.
    this.reconcileTimer = setInterval(() => {
      if (client.state === 'ready') void this.sync?.resync()
    }, every)
    this.reconcileTimer.unref()
  }

  private async startHistory(open: () => Promise<CdrStore>): Promise<void> {
    const p = this.profile
    try {
      const store = await open()
      this.ingest = new CdrLiveIngest({
        store,
        profileId: p.id,
        timeZone: p.timeZone,
        ...(this.opts.log === undefined ? {} : { log: this.opts.log }),
      })
      for (const msg of this.earlyCdrs.splice(0)) this.ingest.push(msg)
      this.queueIngest = new QueueEventLiveIngest({
        store,
        profileId: p.id,
        ...(this.opts.now === undefined ? {} : { now: this.opts.now }),
        ...(this.opts.log === undefined ? {} : { log: this.opts.log }),
      })
      for (const [msg, at] of this.earlyQueueEvents.splice(0)) this.queueIngest.push(msg, at)
      if (!p.freepbx.enabled) return
      const backfill = async (): Promise<void> => {
        try {
          await this.session.rest((api) => backfillFromFreepbx(api, { store, profileId: p.id, timeZone: p.timeZone }))
        } catch (err) {
          this.opts.log?.(`history backfill for ${p.id} failed`, err)
        }
      }
      void backfill()
      this.backfillTimer = setInterval(() => void backfill(), this.opts.backfillMs ?? 10 * 60_000)
      this.backfillTimer.unref()
    } catch (err) {
      this.opts.log?.('the call-history cache could not be opened', err)
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.backfillTimer)
    await this.ingest?.flush()
    await this.queueIngest?.flush()
    clearInterval(this.reconcileTimer)
    for (const sub of this.subscriptions.values()) sub.unsubscribe()
    this.subscriptions.clear()
    this.sync?.stop()
    this.settler.dispose()
    this.capabilities.dispose()
    this.coalescer.dispose()
    await this.session.disconnect()
  }

  /** A capability of this runtime (built on first use from this runtime's deps, then kept). */
  use<T>(capability: Capability<T>): T {
    return this.capabilities.use(capability)
  }

  /** The queues as the live state has them now (the reports keep their thresholds); undefined before it was loaded. */
  liveQueues(): LiveState['queues'] | undefined {
    return this.sync?.model.queues
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

  private requireSync(): LiveSync {
    if (this.sync === undefined) throw new AmiError('not_connected', t('notLoaded'))
    return this.sync
  }

  /** Actions reach whichever AmiClient the session holds now; none means nothing is sent. */
  private amiPort(): AmiPort {
    const client = (): AmiClient => {
      const c = this.session.amiClient
      if (c === undefined) throw new AmiError('not_connected', t('notConnected'))
      return c
    }
    return {
      action: (name, fields) => client().action(name, fields),
      originate: (fields) => client().originate(fields),
    }
  }
}

function toConnectionStatus(p: PbxProfile, s: SessionStatus): ConnectionStatus {
  return {
    profileId: p.id,
    name: p.name,
    role: p.operator.role,
    readOnly: p.operator.readOnly,
    ownExtension: p.operator.ownExtension,
    ami: s.ami.state,
    ari: s.ari.state,
    rest: s.rest.state,
    amiError: s.ami.lastError,
    ariError: s.ari.lastError,
    restError: s.rest.lastError,
    amiSince: s.ami.since,
    ariSince: s.ari.since,
    restSince: s.rest.since,
    breaker: s.breaker,
    breakerRetryAt: s.breakerRetryAt,
  }
}
