import { dirname, join } from 'node:path'
import type { PbxProfile, Role } from '../../../src-preload/types/profile'
import type { AppInfo } from '../../../src-preload/types/settings'
import { createDispatcher, type Dispatch } from '../api/dispatcher'
import { createHandlers } from '../api/handlers'
import type { DesktopShell } from '../attention/desktop-shell'
import type { AuditLog } from '../audit'
import { EventBus } from '../events/bus'
import { auditProfileEdgeRefusals } from '../profiles/audited-edge'
import { PassphraseThrottle } from '../profiles/passphrase-throttle'
import { ProfileService } from '../profiles/profile-service'
import { ProfileStore } from '../profiles/profile-store'
import type { SecretBox } from '../secrets'
import { RuntimeManager, type BuiltinProfile } from '../runtime/runtime-manager'
import { SettingsService } from '../settings/settings-service'
import { nodeLocales, setMainLanguage } from '../i18n'
import { HistoryService, type ExportSink } from '../cdr/history-service'
import { openCdrStore, type CdrStore } from '../cdr'
import { auditPhonebookEdgeRefusals } from '../phonebook/audited-edge'
import { LocalContactStore } from '../phonebook/local-store'
import type { KeyValueStore } from '../storage/kv'
import type { ApplyTiming } from '../config/apply'
import type { WebAccessPort } from '../web-access/port'
import { WebAccessService } from '../web-access/service'
import { QueuePrefsStore } from '../queues/queue-prefs'
import { ReportsService } from '../reports/reports-service'
import type { UpdaterPort } from '../updates/port'
import { SealedUpdateSettings } from '../updates/sealed-settings'
import { UpdatesService } from '../updates/service'

export interface AppCoreOptions {
  readonly appInfo: AppInfo
  /** Where settings persist: electron-store in Electron, conf in web mode and tests. */
  readonly settingsStore: KeyValueStore
  /** Where PBX profiles persist (secrets never go here: they go to the SecretBox). */
  readonly profileStore: KeyValueStore
  /** safeStorage-backed in Electron, a 0600 key file in web mode and tests. */
  readonly secretBox: SecretBox
  /** Owned by the core from here on: `close()` closes it (after the runtimes' last audit lines). */
  readonly auditLog: AuditLog
  /** The call-history cache (SQLite, one file per user); opened on first use, in a worker thread. */
  readonly cdrFile: string
  /** The phonebook (SQLite); by default phonebook.sqlite beside the call history, 0600 like it. */
  readonly phonebookFile?: string
  /** Where CSV exports go (save dialog in Electron, a download in web mode). */
  readonly exportSink: ExportSink
  /** The built-in demo PBX's profile and AMI secret, when the demo runs. */
  readonly builtinProfile?: BuiltinProfile
  /**
   * Web mode's one-time setup code (printed on the terminal): a socket must give it to set the
   * first admin passphrase. Undefined in the desktop app, whose window is the local user's own.
   */
  readonly setupCode?: string
  readonly log?: (message: string, err?: unknown) => void
  /** Apply Config polling (tests shorten FreePBX's 120 s "outcome unknown" limit). */
  readonly configApplyTiming?: Partial<ApplyTiming>
  /** Notifications, tray, badge and dial links of the desktop shell; web mode has none. */
  readonly desktop?: DesktopShell
  /** Web mode's access link (shown in Admin, rotated there); the desktop app has none. */
  readonly webAccess?: WebAccessPort
  /** The desktop app's updater (electron-updater); web mode has none. */
  readonly updates?: UpdaterPort
  /** The operating system's preferred languages (Electron's); Node's locale when absent (web mode). */
  readonly systemLocales?: () => readonly string[]
}

/**
 * Everything the console does, without Electron: both the Electron shell (main.ts) and web mode
 * (web.ts) build one of these and hand `dispatch` and `bus` to their transport.
 */
export interface AppCore {
  readonly dispatch: Dispatch
  readonly bus: EventBus
  readonly profiles: ProfileService
  readonly runtimes: RuntimeManager
  /** Connects every profile (and the demo); call once after construction. */
  start(): Promise<void>
  close(): Promise<void>
}

export function createAppCore(opts: AppCoreOptions): AppCore {
  const bus = new EventBus()
  let cdr: Promise<CdrStore> | undefined
  const cdrStore = (): Promise<CdrStore> => (cdr ??= openCdrStore({ file: opts.cdrFile }))
  let phonebook: LocalContactStore | undefined
  const phonebookStore = (): LocalContactStore =>
    (phonebook ??= new LocalContactStore({ file: opts.phonebookFile ?? join(dirname(opts.cdrFile), 'phonebook.sqlite') }))
  let retentionDays: number | undefined
  const systemLocales = opts.systemLocales ?? nodeLocales
  const settings = new SettingsService(opts.settingsStore, (next) => {
    setMainLanguage(next.language, systemLocales())
    bus.publish('settings.changed', next)
    // Only a new retention period is worth a cleanup pass; a theme change is not.
    if (next.historyRetentionDays !== retentionDays) void applyRetention()
  })
  setMainLanguage(settings.get().language, systemLocales())
  /** Each profile as last connected, to reconnect only the ones that changed. */
  let known = new Map<string, string>()
  // One guessing brake for the whole console: admin passphrase and setup code, every window and socket.
  const throttle = new PassphraseThrottle()
  const profiles = new ProfileService(
    new ProfileStore({ kv: opts.profileStore, secrets: opts.secretBox, throttle }),
    opts.auditLog,
    (view, savedId) => {
      bus.publish('profiles.changed', view)
      // Saved profiles reconnect with their new settings; removed ones disconnect.
      const now = new Map(view.profiles.map((p) => [p.id, JSON.stringify(p)]))
      for (const p of view.profiles) if (p.id === savedId || known.get(p.id) !== now.get(p.id)) void runtimes.restart(p)
      for (const id of known.keys()) if (!now.has(id)) void runtimes.stop(id)
      known = now
    },
    {
      throttle,
      // Audit lines name the role of the seat a window works at, not the role it claims.
      roleOf: (clientId: string): Role | undefined => runtimes.subscribedProfile(clientId)?.operator.role,
      ...(opts.setupCode === undefined ? {} : { setupCode: opts.setupCode }),
    },
  )
  // Declared after `profiles` (it reads them); the callback above runs only later, on a save.
  const runtimes = new RuntimeManager({
    profiles,
    audit: opts.auditLog,
    bus,
    cdr: cdrStore,
    ...(opts.builtinProfile === undefined ? {} : { builtin: opts.builtinProfile }),
    ...(opts.log === undefined ? {} : { log: opts.log }),
  })
  const history = new HistoryService({
    store: cdrStore,
    exportSink: opts.exportSink,
    timeZoneOf: (profileId) => runtimes.timeZoneOf(profileId),
  })
  const reports = new ReportsService({
    store: cdrStore,
    exportSink: opts.exportSink,
    profileOf: (profileId) => runtimes.get(profileId).profile,
    liveThresholds: (profileId) => {
      const queues = runtimes.get(profileId).liveQueues()
      return queues === undefined ? undefined : Object.values(queues).map((q) => ({ queue: q.id, seconds: q.serviceLevel }))
    },
    audit: opts.auditLog,
  })
  /** Old calls leave the cache after the retention the operator set (at start, daily, on change). */
  const applyRetention = async (): Promise<void> => {
    try {
      retentionDays = settings.get().historyRetentionDays
      await history.cleanup(retentionDays)
    } catch (err) {
      opts.log?.('history retention cleanup failed', err)
    }
  }
  // Console-wide and sealed like a profile's dial-widening fields: the feed decides what this computer installs.
  const updates = new UpdatesService({
    port: opts.updates,
    store: new SealedUpdateSettings(opts.settingsStore, opts.secretBox, () => profiles.view().then((v) => v.hasAdminPassphrase)),
    profiles,
    publish: (view) => {
      bus.publish('updates.changed', view)
    },
    ...(opts.log === undefined ? {} : { log: opts.log }),
  })
  let retentionTimer: NodeJS.Timeout | undefined
  const handlers = createHandlers({
    appInfo: opts.appInfo,
    settings,
    profiles,
    audit: opts.auditLog,
    runtimes,
    history,
    reports,
    phonebook: phonebookStore,
    webAccess: new WebAccessService(opts.webAccess, profiles),
    updates,
    queuePrefs: new QueuePrefsStore(opts.settingsStore),
    bus,
    ...(opts.configApplyTiming === undefined ? {} : { configApplyTiming: opts.configApplyTiming }),
    ...(opts.desktop === undefined ? {} : { desktop: opts.desktop }),
  })
  /** A profile as its seat works at it: the running one (the built-in demo too), else the stored one. */
  const seatProfile = async (id: string): Promise<PbxProfile> => {
    try {
      return runtimes.get(id).profile
    } catch {
      return profiles.get(id)
    }
  }
  // Profile and passphrase attempts refused by their input schema are audited like other refusals.
  const dispatch = auditPhonebookEdgeRefusals(
    auditProfileEdgeRefusals(
      createDispatcher(handlers, (err) => opts.log?.('handler failed', err)),
      profiles,
    ),
    // Phonebook writes refused by their schema are audited too, with the seat's role.
    { audit: opts.auditLog, profileOf: (id) => seatProfile(id) },
  )
  return {
    dispatch,
    bus,
    profiles,
    runtimes,
    start: async () => {
      known = new Map((await profiles.view()).profiles.map((p) => [p.id, JSON.stringify(p)]))
      await runtimes.startAll()
      void applyRetention()
      await updates.start()
      retentionTimer = setInterval(() => void applyRetention(), 24 * 3600_000)
      retentionTimer.unref()
    },
    close: async () => {
      clearInterval(retentionTimer)
      updates.stop()
      await runtimes.stopAll()
      if (cdr !== undefined) await (await cdr).close()
      phonebook?.close()
      // Last: stopping the runtimes may still audit (actions given up as unknown).
      await opts.auditLog.close()
    },
  }
}
