import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import type { KeyValueBackend } from '../secrets/key-value-backend'
import type { SecretBox } from '../secrets/secret-box'
import { ProfileError } from './errors'
import {
  DEFAULT_SCRYPT_COST,
  MIN_PASSPHRASE_LENGTH,
  hashPassphrase,
  parsePassphraseRecord,
  verifyPassphrase,
  type PassphraseRecord,
  type ScryptCost,
} from './passphrase'
import {
  BASELINE_SEALED_FIELDS,
  SECRET_KINDS,
  describeIssues,
  pbxProfileSchema,
  profileIdSchema,
  sameSealedFields,
  sealedFieldsOf,
  type PbxProfile,
  type SealedFields,
  type SecretKind,
} from './schema'
import { computeSeal, verifySeal } from './seal'

const PROFILES_KEY = 'profiles'
const SEAL_KEY_SECRET = 'attendant:seal-key'
const ADMIN_PASSPHRASE_SECRET = 'attendant:admin-passphrase'

export function profileSecretName(profileId: string, kind: SecretKind): string {
  return `pbx:${profileId}:${kind}`
}

export interface ProfileProblem {
  profileId: string
  code: 'invalid' | 'seal_mismatch' | 'seal_key_missing'
  message: string
  backupPath?: string
}

export interface ProfileStoreOptions {
  kv: KeyValueBackend
  secrets: SecretBox
  now?: () => Date
  /** Lower only in tests; production hashes use DEFAULT_SCRYPT_COST. */
  scryptCost?: ScryptCost
}

interface StoredRecord {
  v: 1
  profile: unknown
  seal: unknown
}

type Judged =
  | { ok: true; profile: PbxProfile }
  | { ok: false; problem: ProfileProblem }

/**
 * PBX profiles on a key-value backend, validated on every read and write. Secrets live in the
 * SecretBox; a profile only says `hasSecret`. The fields that widen what the console may do are
 * sealed (see seal.ts) and change only with the admin passphrase.
 */
export class ProfileStore {
  readonly #kv: KeyValueBackend
  readonly #secrets: SecretBox
  readonly #now: () => Date
  readonly #cost: ScryptCost
  /** Digests of file contents already backed up, so repeated reads make one backup, not many. */
  readonly #backedUp = new Map<string, string>()

  constructor(options: ProfileStoreOptions) {
    this.#kv = options.kv
    this.#secrets = options.secrets
    this.#now = options.now ?? (() => new Date())
    this.#cost = options.scryptCost ?? DEFAULT_SCRYPT_COST
  }

  /** Every readable profile, plus a problem entry for each stored one that was refused. */
  async list(): Promise<{ profiles: PbxProfile[]; problems: ProfileProblem[] }> {
    const records = this.#readRecords()
    const profiles: PbxProfile[] = []
    const problems: ProfileProblem[] = []
    for (const [id, record] of Object.entries(records)) {
      const judged = await this.#judge(id, record)
      if (judged.ok) profiles.push(await this.#withSecretFlags(judged.profile))
      else problems.push(judged.problem)
    }
    profiles.sort((a, b) => a.name.localeCompare(b.name))
    return { profiles, problems }
  }

  /** One profile, or a ProfileError saying why it cannot be used. */
  async get(id: string): Promise<PbxProfile> {
    const record = this.#readRecords()[id]
    if (record === undefined) throw new ProfileError('not_found', `no PBX profile "${id}"`)
    const judged = await this.#judge(id, record)
    if (!judged.ok) throw new ProfileError(judged.problem.code, judged.problem.message, judged.problem.backupPath)
    return this.#withSecretFlags(judged.profile)
  }

  /**
   * Creates or replaces a profile. `hasSecret` in the input is ignored (the SecretBox is the
   * truth). Role, read-only and allowed prefixes may differ from the trusted stored values (or,
   * for a new or damaged profile, from the receptionist baseline) only with the admin passphrase.
   */
  async save(input: unknown, options: { adminPassphrase?: string } = {}): Promise<PbxProfile> {
    const parsed = pbxProfileSchema.safeParse(input)
    if (!parsed.success) throw new ProfileError('invalid', `profile is invalid: ${describeIssues(parsed.error)}`)
    const profile = parsed.data
    const records = this.#readRecords()
    const existing = records[profile.id]
    const trusted = existing === undefined ? undefined : await this.#judge(profile.id, existing)
    const reference: SealedFields = trusted?.ok === true ? sealedFieldsOf(trusted.profile) : { ...BASELINE_SEALED_FIELDS, allowedOutboundPrefixes: [] }
    if (!sameSealedFields(reference, sealedFieldsOf(profile))) {
      await this.#requireAdmin(options.adminPassphrase)
    }
    if (existing === undefined) {
      // A new profile must not inherit secrets left behind under the same id (a deleted record
      // recreated by hand would otherwise reuse the PBX credentials).
      for (const kind of SECRET_KINDS) await this.#secrets.delete(profileSecretName(profile.id, kind))
    }
    await this.#writeRecord(profile)
    return this.#withSecretFlags(profile)
  }

  /** Deletes a profile and its secrets. Narrowing needs no passphrase. */
  async remove(id: string): Promise<void> {
    profileIdSchema.parse(id)
    const records = this.#readRecords()
    const rest: Record<string, unknown> = {}
    for (const [otherId, record] of Object.entries(records)) {
      if (otherId !== id) rest[otherId] = { v: record.v, profile: record.profile, seal: record.seal }
    }
    this.#kv.set(PROFILES_KEY, rest)
    for (const kind of SECRET_KINDS) await this.#secrets.delete(profileSecretName(id, kind))
  }

  /** Stores a connection secret. Write-only from the UI's point of view. */
  async setSecret(id: string, kind: SecretKind, secret: string): Promise<void> {
    await this.get(id)
    this.#requireSecretBox()
    await this.#secrets.put(profileSecretName(id, kind), secret)
  }

  async clearSecret(id: string, kind: SecretKind): Promise<void> {
    profileIdSchema.parse(id)
    await this.#secrets.delete(profileSecretName(id, kind))
  }

  /** For the main process's connection code only; never send the value over IPC. */
  async getSecret(id: string, kind: SecretKind): Promise<string | undefined> {
    await this.get(id)
    return this.#secrets.get(profileSecretName(id, kind))
  }

  async hasAdminPassphrase(): Promise<boolean> {
    return this.#secrets.has(ADMIN_PASSPHRASE_SECRET)
  }

  async verifyAdminPassphrase(passphrase: string): Promise<boolean> {
    const record = await this.#passphraseRecord()
    return record !== undefined && verifyPassphrase(passphrase, record)
  }

  /**
   * Sets the admin passphrase. Changing it needs the current one. Setting the first one is refused
   * when profiles sealed under an earlier passphrase exist: its record was removed, which is
   * tampering, not a first run.
   */
  async setAdminPassphrase(next: string, current?: string): Promise<void> {
    if (next.length < MIN_PASSPHRASE_LENGTH) {
      throw new ProfileError('passphrase_too_short', `the admin passphrase must have at least ${String(MIN_PASSPHRASE_LENGTH)} characters`)
    }
    this.#requireSecretBox()
    const hadPassphrase = await this.hasAdminPassphrase()
    if (hadPassphrase) {
      await this.#requireAdmin(current)
    } else if (await this.#anySealedWithAdmin()) {
      throw new ProfileError(
        'admin_passphrase_missing',
        'the admin passphrase record is missing although profiles were sealed with one; the settings were altered. Remove and re-create the profiles to start over',
      )
    }
    // Profiles whose seal is valid now are re-sealed for the new state; broken ones stay broken.
    const valid: PbxProfile[] = []
    for (const [id, record] of Object.entries(this.#readRecords())) {
      const judged = await this.#judge(id, record)
      if (judged.ok) valid.push(judged.profile)
    }
    await this.#secrets.put(ADMIN_PASSPHRASE_SECRET, JSON.stringify(await hashPassphrase(next, this.#cost)))
    for (const profile of valid) await this.#writeRecord(profile)
  }

  /**
   * After an admin has checked a profile that failed its seal (or whose seal key is gone), accepts
   * its stored sealed fields as they are and seals them again.
   */
  async acceptSealedFields(id: string, adminPassphrase: string): Promise<PbxProfile> {
    await this.#requireAdmin(adminPassphrase)
    const record = this.#readRecords()[id]
    if (record === undefined) throw new ProfileError('not_found', `no PBX profile "${id}"`)
    const parsed = pbxProfileSchema.safeParse(record.profile)
    if (!parsed.success || parsed.data.id !== id) {
      throw new ProfileError('invalid', `stored profile "${id}" is invalid and cannot be accepted; edit and save it again`)
    }
    await this.#writeRecord(parsed.data)
    return this.#withSecretFlags(parsed.data)
  }

  // --- internals -------------------------------------------------------------------------

  #readRecords(): Record<string, StoredRecord> {
    let raw: unknown
    try {
      raw = this.#kv.get(PROFILES_KEY)
    } catch (error) {
      const backupPath = this.#backupFile()
      const why = error instanceof Error ? error.message : 'unknown error'
      throw new ProfileError('store_unreadable', `the profile file cannot be read (${why})`, backupPath)
    }
    if (raw === undefined) return {}
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ProfileError('store_unreadable', 'the profile file holds no profile table; it was edited or damaged', this.#backupFile())
    }
    const out: Record<string, StoredRecord> = {}
    for (const [id, value] of Object.entries(raw as Record<string, unknown>)) {
      const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {}
      out[id] = { v: 1, profile: record.profile, seal: record.seal }
    }
    return out
  }

  async #judge(id: string, record: StoredRecord): Promise<Judged> {
    const parsed = pbxProfileSchema.safeParse(record.profile)
    if (!parsed.success || parsed.data.id !== id) {
      const detail = parsed.success ? 'its id does not match its key' : describeIssues(parsed.error)
      return { ok: false, problem: this.#problem(id, 'invalid', `stored profile "${id}" is invalid: ${detail}`) }
    }
    const key = await this.#sealKey(false)
    if (key === undefined) {
      return {
        ok: false,
        problem: this.#problem(id, 'seal_key_missing', `the key that seals profile "${id}" is missing from the secret store; an admin must accept its settings again`),
      }
    }
    const adminPassphraseSet = await this.hasAdminPassphrase()
    const input = { profileId: id, adminPassphraseSet, ...sealedFieldsOf(parsed.data) }
    if (!verifySeal(key, input, record.seal)) {
      return {
        ok: false,
        problem: this.#problem(
          id,
          'seal_mismatch',
          `profile "${id}": role, read-only or allowed outbound prefixes were changed outside the app; the profile is refused until an admin accepts or corrects them`,
        ),
      }
    }
    return { ok: true, profile: parsed.data }
  }

  #problem(profileId: string, code: ProfileProblem['code'], message: string): ProfileProblem {
    const backupPath = this.#backupFile()
    return backupPath === undefined ? { profileId, code, message } : { profileId, code, message, backupPath }
  }

  async #writeRecord(profile: PbxProfile): Promise<void> {
    const key = await this.#sealKey(true)
    if (key === undefined) throw new ProfileError('seal_key_missing', 'cannot create the profile seal key')
    const adminPassphraseSet = await this.hasAdminPassphrase()
    const stored: PbxProfile = {
      ...profile,
      // hasSecret is derived from the SecretBox on read; store false so the file never lies.
      ami: { ...profile.ami, hasSecret: false },
      ari: { ...profile.ari, hasSecret: false },
      freepbx: { ...profile.freepbx, hasSecret: false },
    }
    const seal = computeSeal(key, { profileId: profile.id, adminPassphraseSet, ...sealedFieldsOf(profile) })
    const records = this.#readRecords()
    // Other records (even damaged ones) are written back untouched: no silent loss.
    const next: Record<string, unknown> = {}
    for (const [id, record] of Object.entries(records)) next[id] = { v: record.v, profile: record.profile, seal: record.seal }
    next[profile.id] = { v: 1, profile: stored, seal }
    this.#kv.set(PROFILES_KEY, next)
  }

  /**
   * The HMAC key for seals, kept in the SecretBox. Created only when no profile exists yet;
   * a missing key with profiles present means the secret store was altered.
   */
  async #sealKey(createIfAbsent: boolean): Promise<Buffer | undefined> {
    let stored: string | undefined
    try {
      stored = await this.#secrets.get(SEAL_KEY_SECRET)
    } catch {
      // A damaged key envelope is treated as a lost key: seals fail closed, nothing crashes.
      stored = undefined
    }
    if (stored !== undefined) return Buffer.from(stored, 'base64')
    if (!createIfAbsent) return undefined
    this.#requireSecretBox()
    // Profiles sealed under a lost key stay refused (their seals no longer verify) until an
    // admin accepts them: a new key grants nothing.
    const key = randomBytes(32)
    await this.#secrets.put(SEAL_KEY_SECRET, key.toString('base64'))
    return key
  }

  async #anySealedWithAdmin(): Promise<boolean> {
    const key = await this.#sealKey(false)
    if (key === undefined) return false
    for (const [id, record] of Object.entries(this.#readRecords())) {
      const parsed = pbxProfileSchema.safeParse(record.profile)
      if (!parsed.success) continue
      if (verifySeal(key, { profileId: id, adminPassphraseSet: true, ...sealedFieldsOf(parsed.data) }, record.seal)) return true
    }
    return false
  }

  async #passphraseRecord(): Promise<PassphraseRecord | undefined> {
    let text: string | undefined
    try {
      text = await this.#secrets.get(ADMIN_PASSPHRASE_SECRET)
    } catch {
      throw new ProfileError('admin_passphrase_missing', 'the stored admin passphrase record is damaged or was altered')
    }
    if (text === undefined) return undefined
    const record = parsePassphraseRecord(text)
    if (record === undefined) throw new ProfileError('admin_passphrase_missing', 'the stored admin passphrase record is damaged')
    return record
  }

  async #requireAdmin(passphrase: string | undefined): Promise<void> {
    const record = await this.#passphraseRecord()
    if (record === undefined) {
      throw new ProfileError('admin_passphrase_not_set', 'changing role, read-only or allowed outbound prefixes needs an admin passphrase; set one first')
    }
    if (passphrase === undefined || passphrase.length === 0) {
      throw new ProfileError('passphrase_required', 'changing role, read-only or allowed outbound prefixes needs the admin passphrase')
    }
    if (!(await verifyPassphrase(passphrase, record))) {
      throw new ProfileError('passphrase_wrong', 'the admin passphrase is not correct')
    }
  }

  #requireSecretBox(): void {
    const status = this.#secrets.isAvailable()
    if (!status.ok) throw new ProfileError('secrets_unavailable', `secrets cannot be stored: ${status.reason ?? status.backend}`)
  }

  async #withSecretFlags(profile: PbxProfile): Promise<PbxProfile> {
    const has = async (kind: SecretKind): Promise<boolean> => this.#secrets.has(profileSecretName(profile.id, kind))
    return {
      ...profile,
      ami: { ...profile.ami, hasSecret: await has('ami') },
      ari: { ...profile.ari, hasSecret: await has('ari') },
      freepbx: { ...profile.freepbx, hasSecret: await has('freepbx') },
    }
  }

  /** Copies the backing file once per distinct content, so an admin keeps what was there. */
  #backupFile(): string | undefined {
    const path = this.#kv.path
    if (path === undefined || !existsSync(path)) return undefined
    let digest: string
    try {
      digest = createHash('sha256').update(readFileSync(path)).digest('hex')
    } catch {
      return undefined
    }
    const known = this.#backedUp.get(digest)
    if (known !== undefined) return known
    const backupPath = `${path}.invalid-${this.#now().toISOString().replace(/[:.]/g, '-')}-${digest.slice(0, 8)}.bak`
    copyFileSync(path, backupPath)
    this.#backedUp.set(digest, backupPath)
    return backupPath
  }
}
