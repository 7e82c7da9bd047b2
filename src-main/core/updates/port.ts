import type { UpdateSettings, UpdateState } from '../../../src-preload/types/updates'

/**
 * What the core may ask of the desktop app's updater (src-main/electron/updater.ts, on
 * electron-updater). Web mode has none: its page is served by the console itself.
 */
export interface UpdaterPort {
  readonly state: UpdateState
  /** Stops, or (re)starts checking the given feed; resolves with the state that follows. */
  apply(settings: UpdateSettings): Promise<UpdateState>
  /** Asks the feed now when updates are on; otherwise the state saying why they are off. */
  checkNow(): UpdateState
  /** Every state from now on. */
  subscribe(listener: (state: UpdateState) => void): void
  stop(): void
}
