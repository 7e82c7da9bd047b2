import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { defaultUpdateSettings, feedUrlProblem, type UpdateSettings } from '../../../src-preload/types/updates'
import type { SecretBox } from '../secrets/secret-box'
import type { KeyValueStore } from '../storage/kv'
import { say } from '../i18n'
import { strings as addressWords } from '../../../src-preload/i18n/strings/updates'

/** The settings file's key (settings.json holds the operator's preferences beside it). */
export const UPDATES_KEY = 'updates'
const SEAL_KEY_SECRET = 'attendant:updates-seal-key'

/** The settings in force, when an admin saved them, and why stored ones were not used. */
export interface StoredUpdateSettings {
  readonly settings: UpdateSettings
  readonly changedAt: string | null
  readonly problem: string | null
}

const TAMPERED = 'The update settings were changed outside Attendant, so updates stay off until an admin saves them again.'

function canonical(settings: UpdateSettings, changedAt: string, adminPassphraseSet: boolean): string {
  return JSON.stringify(['attendant-updates-seal-v1', settings.enabled, settings.feedUrl, changedAt, adminPassphraseSet])
}

/**
 * The updates setting, console-wide: it decides what this computer's copy of Attendant installs,
 * for every profile and seat, so it lives once beside the settings (not in a PBX profile). Like a
 * profile's sealed fields it carries an HMAC keyed by a random key kept only in the SecretBox
 * (the OS keychain): whoever edits settings.json to point the console at another feed cannot make
 * a matching seal, and the edit turns updates off instead of widening what the app trusts. The
 * seal covers that an admin passphrase existed, so deleting its record breaks it too.
 */
export class SealedUpdateSettings {
  constructor(
    private readonly kv: KeyValueStore,
    private readonly secrets: SecretBox,
    private readonly adminPassphraseSet: () => Promise<boolean>,
  ) {}

  async read(): Promise<StoredUpdateSettings> {
    const raw = this.kv.get(UPDATES_KEY)
    if (raw === undefined) return { settings: defaultUpdateSettings, changedAt: null, problem: null }
    const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {}
    const { enabled, feedUrl, changedAt, seal } = record
    const shaped =
      typeof enabled === 'boolean' && (feedUrl === null || typeof feedUrl === 'string') && typeof changedAt === 'string' && typeof seal === 'string'
    if (!shaped) return { settings: defaultUpdateSettings, changedAt: null, problem: TAMPERED }
    const settings: UpdateSettings = { enabled, feedUrl }
    const key = await this.#key(false).catch(() => undefined)
    if (key === undefined || !sameMac(mac(key, canonical(settings, changedAt, await this.adminPassphraseSet())), seal)) {
      return { settings: defaultUpdateSettings, changedAt, problem: TAMPERED }
    }
    const problem = feedUrl === null ? undefined : feedUrlProblem(feedUrl, say(addressWords))
    if (problem !== undefined) return { settings: defaultUpdateSettings, changedAt, problem }
    return { settings, changedAt, problem: null }
  }

  /** Saves and seals (the caller has checked the admin passphrase). */
  async write(settings: UpdateSettings, now: Date): Promise<StoredUpdateSettings> {
    const changedAt = now.toISOString()
    const key = await this.#key(true)
    if (key === undefined) throw new Error('no seal key')
    const seal = mac(key, canonical(settings, changedAt, await this.adminPassphraseSet()))
    this.kv.set(UPDATES_KEY, { enabled: settings.enabled, feedUrl: settings.feedUrl, changedAt, seal })
    return { settings, changedAt, problem: null }
  }

  async #key(create: boolean): Promise<Buffer | undefined> {
    const stored = await this.secrets.get(SEAL_KEY_SECRET)
    if (stored !== undefined) return Buffer.from(stored, 'base64')
    if (!create) return undefined
    const key = randomBytes(32)
    await this.secrets.put(SEAL_KEY_SECRET, key.toString('base64'))
    return key
  }
}

const mac = (key: Buffer, text: string): string => createHmac('sha256', key).update(text).digest('base64')

function sameMac(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'base64')
  const b = Buffer.from(given, 'base64')
  return a.length === b.length && timingSafeEqual(a, b)
}
