import type { AppInfo } from '../../../src-preload/types/settings'
import type { DesktopShell } from '../attention/desktop-shell'
import type { AuditLog } from '../audit'
import type { EventBus } from '../events/bus'
import type { ApplyTiming } from '../config/apply'
import type { HistoryService } from '../cdr/history-service'
import type { WritableContactSource } from '../phonebook/contact-source'
import type { ProfileService } from '../profiles/profile-service'
import type { RuntimeManager } from '../runtime/runtime-manager'
import type { SettingsService } from '../settings/settings-service'
import type { QueuePrefsStore } from '../queues/queue-prefs'
import type { ReportsService } from '../reports/reports-service'
import type { Handlers } from '../slice'
import type { UpdatesService } from '../updates/service'
import type { WebAccessService } from '../web-access/service'
import { slices, type AnySlice, type Intersection } from './slices'

/** The services the slices' handlers are built from; composed in `app/app-core.ts`. */
export interface ApiServices {
  readonly appInfo: AppInfo
  readonly settings: SettingsService
  readonly profiles: ProfileService
  readonly audit: AuditLog
  readonly runtimes: RuntimeManager
  readonly history: HistoryService
  /** Queue and agent reports from the queue events kept beside the call history. */
  readonly reports: ReportsService
  /** The local phonebook store, opened on first use. */
  readonly phonebook: () => WritableContactSource
  /** The supervisor's queue preferences per profile (pause reasons, the wallboard). */
  readonly queuePrefs: QueuePrefsStore
  /** Events to one window or socket (configuration's apply progress). */
  readonly bus: EventBus
  readonly configApplyTiming?: Partial<ApplyTiming>
  /** The desktop shell's notifications, tray and dial links (undefined in web mode). */
  readonly desktop?: DesktopShell
  /** Web mode's access link (the desktop app answers that it has none). */
  readonly webAccess: WebAccessService
  /** The desktop app's updates (web mode answers that it has none). */
  readonly updates: UpdatesService
}

/**
 * One function per contract channel, from every slice. Inputs arrive already validated by the
 * dispatcher. A channel no slice handles is a compile error here; one handled twice throws at once.
 */
export function createHandlers(s: ApiServices): Handlers {
  const all: Partial<Record<string, unknown>> = {}
  for (const slice of slices) {
    for (const [channel, handler] of Object.entries(slice.handlers(s))) {
      if (channel in all) throw new Error(`Two slices handle ${channel}`)
      all[channel] = handler
    }
  }
  const handlers = all as Intersection<ReturnType<AnySlice['handlers']>>
  return handlers
}
