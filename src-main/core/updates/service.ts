import type { UpdateSettings, UpdatesSetInput, UpdatesView, UpdateState } from '../../../src-preload/types/updates'
import type { SeatContext } from '../audit/seat'
import { ApiFailure } from '../errors/api-failure'
import type { ProfileService } from '../profiles/profile-service'
import type { UpdaterPort } from './port'
import type { SealedUpdateSettings, StoredUpdateSettings } from './sealed-settings'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** An audit line's words for settings: "off", "on, feed https://…". */
export function settingsInWords(settings: UpdateSettings): string {
  if (!settings.enabled) return settings.feedUrl === null ? 'off' : `off (feed ${settings.feedUrl} kept)`
  return `on, feed ${settings.feedUrl ?? '(none)'}`
}

export interface UpdatesServiceDeps {
  /** The desktop app's updater; undefined in web mode. */
  readonly port: UpdaterPort | undefined
  readonly store: SealedUpdateSettings
  readonly profiles: Pick<ProfileService, 'asAdmin'>
  /** To every window or socket: the state moved or the settings changed. */
  readonly publish: (view: UpdatesView) => void
  readonly log?: (message: string, err?: unknown) => void
  readonly now?: () => Date
}

/**
 * The desktop app's updates as Admin sees them: the sealed, console-wide setting (on/off and the
 * feed), changed only with the admin passphrase (throttled, audited with the seat, its role and
 * the settings before and after), and the updater's state, pushed as it moves.
 */
export class UpdatesService {
  #stored: StoredUpdateSettings | undefined

  constructor(private readonly deps: UpdatesServiceDeps) {}

  /** At the console's start: the updater follows the stored setting (off when refused). */
  async start(): Promise<void> {
    const port = this.deps.port
    if (port === undefined) return
    port.subscribe(() => {
      void this.status().then(this.deps.publish)
    })
    try {
      const stored = await this.#read()
      if (stored.problem !== null) this.deps.log?.(stored.problem)
      await port.apply(stored.settings)
    } catch (err) {
      this.deps.log?.('the update settings could not be read; updates stay off', err)
    }
  }

  stop(): void {
    this.deps.port?.stop()
  }

  async status(): Promise<UpdatesView> {
    const port = this.deps.port
    if (port === undefined) return { available: false, reason: t('webMode') }
    return this.#view(await this.#read(), port.state)
  }

  async set(input: UpdatesSetInput, ctx: SeatContext): Promise<UpdatesView> {
    const next: UpdateSettings = { enabled: input.enabled, feedUrl: input.feedUrl }
    const port = this.deps.port
    const view = await this.deps.profiles.asAdmin('updates.set', { task: 'task.changeUpdates' }, input.adminPassphrase, ctx, async () => {
      if (port === undefined) throw new ApiFailure('unavailable', t('webMode'))
      const before = await this.#read()
      let saved: StoredUpdateSettings
      try {
        saved = await this.deps.store.write(next, this.deps.now?.() ?? new Date())
      } catch (err) {
        const why = err instanceof Error ? err.message : String(err)
        throw new ApiFailure('unavailable', t('notSaved', { reason: why }))
      }
      this.#stored = saved
      const state = await port.apply(next)
      const was = before.problem === null ? settingsInWords(before.settings) : 'refused (changed outside Attendant)'
      return { value: this.#view(saved, state), detail: `before: ${was}; after: ${settingsInWords(next)}; now ${stateInWords(state)}` }
    })
    this.deps.publish(view)
    return view
  }

  /** Asks the feed now when updates are on; otherwise the view says why they are off (nothing is asked). */
  async check(): Promise<UpdatesView> {
    const port = this.deps.port
    if (port === undefined) return { available: false, reason: t('webMode') }
    const stored = await this.#read()
    return this.#view(stored, stored.settings.enabled ? port.checkNow() : port.state)
  }

  async #read(): Promise<StoredUpdateSettings> {
    this.#stored ??= await this.deps.store.read()
    return this.#stored
  }

  #view(stored: StoredUpdateSettings, state: UpdateState): UpdatesView {
    return { available: true, settings: stored.settings, state, changedAt: stored.changedAt, problem: stored.problem }
  }
}

/** The updater's state in an audit line's words. */
export function stateInWords(state: UpdateState): string {
  switch (state.state) {
    case 'off':
      return `off: ${state.reason}`
    case 'checking':
      return 'checking'
    case 'current':
      return 'up to date'
    case 'downloading':
      return `downloading ${state.version}`
    case 'ready':
      return `${state.version} downloaded`
    case 'failed':
      return `failed: ${state.message}`
  }
}
