import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { AppUpdater } from 'electron-updater'
import { feedUrlProblem, type UpdateSettings, type UpdateState } from '../../src-preload/types/updates'
import { say } from '../core/i18n'
import { strings } from './strings'
import { strings as addressStrings } from '../../src-preload/i18n/strings/updates'

const t = say(strings)
const addressWords = say(addressStrings)

export { defaultUpdateSettings, feedUrlProblem, type UpdateSettings, type UpdateState } from '../../src-preload/types/updates'

/** How often a running console asks the feed again. */
export const CHECK_EVERY_MS = 6 * 60 * 60 * 1000

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

export type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'on'> &
  Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'allowPrerelease' | 'forceDevUpdateConfig'>

export interface UpdateCheckDeps {
  /**
   * electron-updater's autoUpdater (a fake in tests), or how to load it: loaded only once updates
   * may really run, so a console with updates off never loads electron-updater at all.
   */
  readonly updater: Updater | (() => Promise<Updater>)
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
  #state: UpdateState = { state: 'off', reason: t('updates.off') }
  #updater: Updater | undefined
  readonly #listeners = new Set<(state: UpdateState) => void>()
  #stopTimer: (() => void) | undefined
  #applying: Promise<unknown> = Promise.resolve()
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
    if (typeof deps.updater !== 'function') this.#updater = this.#wire(deps.updater)
  }

  get state(): UpdateState {
    return this.#state
  }

  /** Applies the admin's settings: stops, or (re)starts checking the given feed. One at a time. */
  apply(settings: UpdateSettings): Promise<UpdateState> {
    const run = this.#applying.then(() => this.#apply(settings))
    this.#applying = run.catch(() => undefined)
    return run
  }

  async #apply(settings: UpdateSettings): Promise<UpdateState> {
    this.stop()
    const refusal = await this.#refusal(settings)
    if (refusal !== undefined) {
      this.#set({ state: 'off', reason: refusal })
      return this.#state
    }
    const url = settings.feedUrl ?? ''
    let updater: Updater
    try {
      updater = await this.#loaded()
    } catch (error) {
      this.#set({ state: 'failed', message: t('updates.notStarted', { reason: error instanceof Error ? error.message : String(error) }) })
      return this.#state
    }
    updater.setFeedURL({ provider: 'generic', url })
    this.deps.log(`update checks on, feed ${url}`)
    this.#set({ state: 'checking' })
    this.#check()
    this.#stopTimer = this.#every(() => {
      this.#check()
    }, CHECK_EVERY_MS)
    return this.#state
  }

  /** Asks the feed now when updates are on; otherwise says why they are off. */
  checkNow(): UpdateState {
    if (this.#stopTimer === undefined) return this.#state
    this.#set({ state: 'checking' })
    this.#check()
    return this.#state
  }

  /** Every state from now on (the core's updates service publishes them to the windows). */
  subscribe(listener: (state: UpdateState) => void): void {
    this.#listeners.add(listener)
  }

  stop(): void {
    this.#stopTimer?.()
    this.#stopTimer = undefined
  }

  /** electron-updater's settings and events, once per updater. */
  #wire(u: Updater): Updater {
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
      this.#set({ state: 'failed', message: t('updates.failed', { reason: error.message }) })
    })
    return u
  }

  async #refusal(settings: UpdateSettings): Promise<string | undefined> {
    if (!settings.enabled || settings.feedUrl === null) return t('updates.off')
    const problem = feedUrlProblem(settings.feedUrl, addressWords)
    if (problem !== undefined) return problem
    if (!this.deps.isPackaged) return t('updates.unpackaged')
    if (this.deps.platform !== 'win32' && this.deps.platform !== 'darwin') return t('updates.platform')
    if (this.deps.platform === 'win32') {
      const names = await this.#read(join(this.deps.resourcesPath, 'app-update.yml')).then(publisherNames, () => [])
      if (names.length === 0) return t('updates.unsigned')
    }
    return undefined
  }

  async #loaded(): Promise<Updater> {
    if (this.#updater !== undefined) return this.#updater
    const load = this.deps.updater
    const updater = typeof load === 'function' ? await load() : load
    this.#updater ??= this.#wire(updater)
    return this.#updater
  }

  #check(): void {
    const updater = this.#updater
    if (updater === undefined) return
    updater.checkForUpdates().catch((error: unknown) => {
      this.#set({ state: 'failed', message: t('updates.checkFailed', { reason: error instanceof Error ? error.message : String(error) }) })
    })
  }

  #set(state: UpdateState): void {
    this.#state = state
    if (state.state === 'failed' || state.state === 'ready') this.deps.log(state.state === 'failed' ? state.message : `update ${state.version} ready`)
    this.deps.onState?.(state)
    for (const listener of this.#listeners) listener(state)
  }
}
