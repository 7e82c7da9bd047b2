import type { AppInfo } from '../../../src-preload/types/settings'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import type { AuditLog } from '../audit'
import { EventBus } from '../events/bus'
import { ProfileService } from '../profiles/profile-service'
import { ProfileStore } from '../profiles/profile-store'
import type { SecretBox } from '../secrets'
import { SettingsService } from '../settings/settings-service'
import type { KeyValueStore } from '../storage/kv'

export interface AppCoreOptions {
  readonly appInfo: AppInfo
  /** Where settings persist: electron-store in Electron, conf in web mode and tests. */
  readonly settingsStore: KeyValueStore
  /** Where PBX profiles persist (secrets never go here: they go to the SecretBox). */
  readonly profileStore: KeyValueStore
  /** safeStorage-backed in Electron, a 0600 key file in web mode and tests. */
  readonly secretBox: SecretBox
  readonly auditLog: AuditLog
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * Everything the console does, without Electron: both the Electron shell (main.ts) and web mode
 * (web.ts) build one of these and hand `dispatch` and `bus` to their transport.
 */
export interface AppCore {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  readonly profiles: ProfileService
  close(): Promise<void>
}

export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus()
  const settings = new SettingsService(opts.settingsStore, (next) => {
    bus.publish('settings.changed', next)
  })
  const profiles = new ProfileService(
    new ProfileStore({ kv: opts.profileStore, secrets: opts.secretBox }),
    opts.auditLog,
    (view) => {
      bus.publish('profiles.changed', view)
    },
  )
  const handlers = createHandlers({ appInfo: opts.appInfo, settings, profiles, audit: opts.auditLog })
  const dispatch = createDispatcher(handlers, (err) => opts.log?.('handler failed', err))
  return {
    dispatch,
    bus,
    profiles,
    close: () => Promise.resolve(),
  }
}
