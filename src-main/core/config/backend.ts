/**
 * What the configuration core needs from a PBX's configuration API, per kind. The core checks,
 * diffs, guards and audits; a backend (FreePBX: src-main/core/freepbx/config) reads and writes in
 * the PBX's own format. Secrets a backend reads (an extension's SIP secret, a mailbox PIN) stay in
 * `image`, which never leaves main: it is what a version is computed from and what a restore
 * writes back.
 */
import type {
  ConfigItemMeta,
  ConfigKind,
  ConfigValuesByKind,
  DestinationOption,
  ExtensionSecrets,
  ExtensionValues,
  VoicemailSecrets,
} from '../../../src-preload/types/config'

export interface ReadItem<K extends ConfigKind> {
  readonly id: string
  readonly values: ConfigValuesByKind[K]
  readonly meta: ConfigItemMeta
  /** Everything read, secrets included (main only). */
  readonly image: unknown
}

/** Write-only fields a change of each kind may carry. */
export interface SecretsByKind {
  readonly extension: ExtensionSecrets
  readonly ringGroup: Record<string, never>
  readonly inboundRoute: Record<string, never>
  readonly voicemail: VoicemailSecrets
  readonly queueMembers: Record<string, never>
}

export interface KindBackend<K extends ConfigKind> {
  /** The identity the values name (an inbound route's is `did/cid`). */
  idOf(values: ConfigValuesByKind[K]): string
  list(): Promise<readonly ReadItem<K>[]>
  get(id: string): Promise<ReadItem<K> | undefined>
  /** Absent: FreePBX's API cannot create this kind. */
  readonly create?: (values: ConfigValuesByKind[K], secrets: SecretsByKind[K]) => Promise<void>
  update(before: ReadItem<K>, values: ConfigValuesByKind[K], secrets: SecretsByKind[K]): Promise<void>
  /** Absent: FreePBX's API cannot delete this kind. */
  readonly remove?: (before: ReadItem<K>) => Promise<void>
  /** Writes a before-image back over what is there now (`current` undefined: the object is gone). */
  restore(image: ReadItem<K>, current: ReadItem<K> | undefined): Promise<void>
}

export type KindBackends = { readonly [K in ConfigKind]: KindBackend<K> }

export type ApplyState = 'processing' | 'executed' | 'failed' | 'unknown_transaction'

/** What a profile's API offers, found by asking it (scopes, modules, version). */
export interface BackendProbe {
  /** Kinds the application may read. */
  readonly kinds: readonly ConfigKind[]
  /** Kinds it may also write. */
  readonly writable: readonly ConfigKind[]
  /** It may run Apply Config. */
  readonly canApply: boolean
  /** Plain words for what is missing; empty when everything works. */
  readonly needs: readonly string[]
  readonly version?: string
  readonly needReload?: boolean
}

/** A backend failure in the admin's words. `fields`: FreePBX refused a value the core can point at. */
export interface BackendFailure {
  readonly code: 'pbx_error' | 'forbidden' | 'unavailable' | 'timeout' | 'not_found' | 'auth_failed'
  readonly message: string
}

export interface ConfigBackend {
  readonly kinds: KindBackends
  /** Extensions start … start+count-1 from one template. */
  createRange(start: number, count: number, template: Omit<ExtensionValues, 'extension'>, secrets: ExtensionSecrets): Promise<void>
  /** Sets an extension's SIP secret, every other field kept. */
  rotateSecret(before: ReadItem<'extension'>, secret: string): Promise<void>
  /** The destinations that exist now (pickers, and the check that a destination exists). */
  destinations(): Promise<readonly DestinationOption[]>
  /** Starts Apply Config; the transaction id to poll. */
  startApply(): Promise<string>
  applyStatus(transaction: string): Promise<{ readonly state: ApplyState; readonly details?: string }>
  needReload(): Promise<boolean>
  probe(): Promise<BackendProbe>
  /** Any error a call above threw, in the admin's words. */
  explain(err: unknown): BackendFailure
}
