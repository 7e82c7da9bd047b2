import type {
  ConfigApplyProgress,
  ConfigChangeInput,
  ConfigItem,
  ConfigKind,
  ConfigKindDescriptor,
  ConfigList,
  ConfigPending,
  ConfigSaveResult,
  ConfigStatus,
  DestinationOption,
  extensionRangeSchema,
  PendingChange,
  RevealedSecret,
} from '../../../src-preload/types/config'
import type { Result } from '../../../src-preload/types/result'
import type { z } from 'zod'
import type { Bridge } from '../bridge/bridge'

/** A range of new extensions as the contract takes it. */
export type ExtensionRange = z.input<typeof extensionRangeSchema>

/**
 * The configuration channels as the config store uses them (one function per channel of
 * src-preload/contract/config.ts). The store talks to main only through this, so its tests
 * answer as main would without a transport.
 */
export interface ConfigApi {
  describe(): Promise<Result<readonly ConfigKindDescriptor[]>>
  status(profileId: string): Promise<Result<ConfigStatus>>
  list<K extends ConfigKind>(profileId: string, kind: K): Promise<Result<ConfigList<K>>>
  get(profileId: string, kind: ConfigKind, id: string): Promise<Result<ConfigItem>>
  destinations(profileId: string): Promise<Result<readonly DestinationOption[]>>
  save(profileId: string, changes: readonly ConfigChangeInput[]): Promise<Result<ConfigSaveResult>>
  /** Extensions `start` … `start + count - 1` from one template (FreePBX's createRangeofExtension). */
  createRange(profileId: string, range: ExtensionRange): Promise<Result<ConfigSaveResult>>
  remove(profileId: string, kind: ConfigKind, id: string, baseVersion: string): Promise<Result<PendingChange>>
  restore(profileId: string, changeId: string): Promise<Result<PendingChange>>
  rotateSecret(profileId: string, extension: string, baseVersion: string, secret?: string): Promise<Result<RevealedSecret>>
  pending(profileId: string): Promise<Result<ConfigPending>>
  apply(profileId: string): Promise<Result<{ readonly applyId: string }>>
  /** Apply's progress, pushed by main to the window that applied; returns the unsubscribe. */
  onProgress(listener: (progress: ConfigApplyProgress) => void): () => void
}

/** The configuration channels over the transport (Electron's preload or web mode's WebSocket). */
export function bridgeConfigApi(bridge: Bridge): ConfigApi {
  return {
    describe: () => bridge.invoke('config.describe'),
    status: (profileId) => bridge.invoke('config.status', { profileId }),
    // The channel answers every kind's list; the kind asked for is the kind answered.
    list: <K extends ConfigKind>(profileId: string, kind: K) => bridge.invoke('config.list', { profileId, kind }) as Promise<Result<ConfigList<K>>>,
    get: (profileId, kind, id) => bridge.invoke('config.get', { profileId, kind, id }),
    destinations: (profileId) => bridge.invoke('config.destinations', { profileId }),
    save: (profileId, changes) => bridge.invoke('config.save', { profileId, changes: [...changes] }),
    createRange: (profileId, range) => bridge.invoke('config.createRange', { profileId, range }),
    remove: (profileId, kind, id, baseVersion) => bridge.invoke('config.remove', { profileId, kind, id, baseVersion }),
    restore: (profileId, changeId) => bridge.invoke('config.restore', { profileId, changeId }),
    rotateSecret: (profileId, extension, baseVersion, secret) =>
      bridge.invoke('config.rotateSecret', { profileId, extension, baseVersion, ...(secret === undefined ? {} : { secret }) }),
    pending: (profileId) => bridge.invoke('config.pending', { profileId }),
    apply: (profileId) => bridge.invoke('config.apply', { profileId }),
    onProgress: (listener) => bridge.on('config.progress', listener),
  }
}
