import type { AppInfo } from '../../../src-preload/types/settings'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import { EventBus } from '../events/bus'
import { SettingsService } from '../settings/settings-service'
import type { KeyValueStore } from '../storage/kv'

export interface AppCoreOptions {
  readonly appInfo: AppInfo
  /** Where settings persist: electron-store in Electron, conf in web mode and tests. */
  readonly settingsStore: KeyValueStore
  readonly log?: (message: string, err?: unknown) => void
}

/**
 * Everything the console does, without Electron: both the Electron shell (main.ts) and web mode
 * (web.ts) build one of these and hand `dispatch` and `bus` to their transport.
 */
export interface AppCore {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  close(): Promise<void>
}

export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus()
  const settings = new SettingsService(opts.settingsStore, (next) => {
    bus.publish('settings.changed', next)
  })
  const handlers = createHandlers({ appInfo: opts.appInfo, settings })
  const dispatch = createDispatcher(handlers, (err) => opts.log?.('handler failed', err))
  return {
    dispatch,
    bus,
    close: () => Promise.resolve(),
  }
}
