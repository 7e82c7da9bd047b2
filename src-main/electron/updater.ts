import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppUpdater } from 'electron-updater'

/** The admin's choice: off unless turned on, and then only from this feed. */
export interface UpdateSettings {
  readonly enabled: boolean
  /** The generic feed (a folder holding latest.yml / latest-mac.yml and the installers). */
  readonly feedUrl: string | null
}

export const defaultUpdateSettings: UpdateSettings = { enabled: false, feedUrl: null }

/** Where updating stands, in words an operator or admin can act on. */
export type UpdateState =
  | { readonly state: 'off'; readonly reason: string }
  | { readonly state: 'checking' }
  | { readonly state: 'current'; readonly checkedAt: string }
  | { readonly state: 'downloading'; readonly version: string }
  | { readonly state: 'ready'; readonly version: string }
  | { readonly state: 'failed'; readonly message: string }

/** How often a running console asks the feed again. */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000

/**
 * Why a feed address cannot be used, or undefined when it can. HTTPS only (the signature check
 * protects the installer, HTTPS also the feed's metadata), no user name or password in it (they
 * would sit in a settings file and in logs), and an address that can resolve.
 */
export function feedUrlProblem(text: string): string | undefined {
  if (text.length > 2048) return 'The update address is too long.'
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'The update address is not a web address (https://…).'
  }
  if (url.protocol !== 'https:') return 'The update address must start with https://.'
  if (url.username !== '' || url.password !== '') return 'The update address must not contain a user name or password.'
  if (url.hostname.endsWith('.invalid')) return 'The update address names no real server.'
  return undefined
}

/**
 * The publisher names electron-builder wrote into app-update.yml when it signed the Windows build.
 * electron-updater skips the signature check of a downloaded installer when there is none, so
 * without one the updater stays off.
 */
export function publisherNames(appUpdateYml: string): string[] {
  const lines = appUpdateYml.split(/\r?\n/)
  const at = lines.findIndex((l) => /^publisherName:/.test(l))
  if (at < 0) return []
  const inline = (lines[at] ?? '').replace(/^publisherName:\s*/, '').trim()
  if (inline !== '') return [unquote(inline)].filter((n) => n !== '')
  const names: string[] = []
  for (const line of lines.slice(at + 1)) {
    const item = /^\s+-\s+(.+)$/.exec(line)
    if (item === null) break
    names.push(unquote((item[1] ?? '').trim()))
  }
  return names.filter((n) => n !== '')
}

const unquote = (s: string): string => s.replace(/^(['"])(.*)\1$/, '$2')

type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'on'> &
  Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'forceDevUpdateConfig'>

export interface UpdateCheckDeps {
  /** electron-updater's autoUpdater (a fake in tests). */
  readonly updater: Updater
  readonly platform: NodeJS.Platform
  readonly isPackaged: boolean
  /** process.resourcesPath: where electron-builder put app-update.yml. */
  readonly resourcesPath: string
  readonly log: (message: string) => void
  readonly onState?: (state: UpdateState) => void
  readonly read?: (path: string) => Promise<string>
  readonly now?: () => Date
  readonly timers?: { readonly every: (fn: () => void, ms: number) => () => void }
}

/**
 * The update check of the desktop app, in main: off by default; when an admin turns it on, it asks
 * the configured feed at start and every six hours, downloads in the background and installs when
 * the app quits (never in the middle of a call). Signatures are checked by electron-updater: on
 * Windows the installer's Authenticode publisher against the build's own (refused here when the
 * build has none), on macOS Squirrel.Mac's check that the update is signed like the running app.
 */
export class UpdateCheck {
  #state: UpdateState = { state: 'off', reason: 'Updates are off.' }
  #stopTimer: (() => void) | undefined
  readonly #read: (path: string) => Promise<string>
  readonly #now: () => Date
  readonly #every: (fn: () => void, ms: number) => () => void

  constructor(private readonly deps: UpdateCheckDeps) {
    this.#read = deps.read ?? ((path) => readFile(path, 'utf8'))
    this.#now = deps.now ?? (() => new Date())
    this.#every =
      deps.timers?.every ??
      ((fn, ms) => {
        const timer = setInterval(fn, ms)
        timer.unref()
        return () => {
          clearInterval(timer)
        }
      })
    const u = deps.updater
    u.autoDownload = true
    u.autoInstallOnAppQuit = true
    u.allowDowngrade = false
    u.allowPrerelease = false
    u.forceDevUpdateConfig = false
    u.on('checking-for-update', () => {
      this.#set({ state: 'checking' })
    })
    u.on('update-not-available', () => {
      this.#set({ state: 'current', checkedAt: this.#now().toISOString() })
    })
    u.on('update-available', (info) => {
      this.#set({ state: 'downloading', version: info.version })
    })
    u.on('update-downloaded', (info) => {
      this.#set({ state: 'ready', version: info.version })
    })
    u.on('error', (error) => {
      this.#set({ state: 'failed', message: `The update could not be checked or installed: ${error.message}` })
    })
  }

  get state(): UpdateState {
    return this.#state
  }

  /** Applies the admin's settings: stops, or (re)starts checking the given feed. */
  async apply(settings: UpdateSettings): Promise<UpdateState> {
    this.stop()
    const refusal = await this.#refusal(settings)
    if (refusal !== undefined) {
      this.#set({ state: 'off', reason: refusal })
      return this.#state
    }
    const url = settings.feedUrl ?? ''
    this.deps.updater.setFeedURL({ provider: 'generic', url })
    this.deps.log(`update checks on, feed ${url}`)
    this.#set({ state: 'checking' })
    this.#check()
    this.#stopTimer = this.#every(() => {
      this.#check()
    }, CHECK_EVERY_MS)
    return this.#state
  }

  stop(): void {
    this.#stopTimer?.()
    this.#stopTimer = undefined
  }

  async #refusal(settings: UpdateSettings): Promise<string | undefined> {
    if (!settings.enabled || settings.feedUrl === null) return 'Updates are off.'
    const problem = feedUrlProblem(settings.feedUrl)
    if (problem !== undefined) return problem
    if (!this.deps.isPackaged) return 'Updates are checked only by an installed copy of Attendant.'
    if (this.deps.platform !== 'win32' && this.deps.platform !== 'darwin') return 'Updates are offered for Windows and macOS only.'
    if (this.deps.platform === 'win32') {
      const names = await this.#read(join(this.deps.resourcesPath, 'app-update.yml')).then(publisherNames, () => [])
      if (names.length === 0) return 'This copy of Attendant is not signed, so an update’s signature could not be checked: updates stay off.'
    }
    return undefined
  }

  #check(): void {
    this.deps.updater.checkForUpdates().catch((error: unknown) => {
      this.#set({ state: 'failed', message: `The update could not be checked: ${error instanceof Error ? error.message : String(error)}` })
    })
  }

  #set(state: UpdateState): void {
    this.#state = state
    if (state.state === 'failed' || state.state === 'ready') this.deps.log(state.state === 'failed' ? state.message : `update ${state.version} ready`)
    this.deps.onState?.(state)
  }
}
