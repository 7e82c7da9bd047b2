import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, readFileSync } from 'node:fs'
import type { KeyValueBackend } from '../secrets/key-value-backend'
import type { SecretBox } from '../secrets/secret-box'
import { decodeStoredSecret, encodeBoundSecret, lookupFor, type SecretLookup } from './bound-secret'
import { ProfileError } from './errors'
import { taskWords, words, type AdminTask } from './words'
import {
  DEFAULT_SCRYPT_COST,
  MIN_PASSPHRASE_LENGTH,
  hashPassphrase,
  parsePassphraseRecord,
  verifyPassphrase,
  type PassphraseRecord,
  type ScryptCost,
} from './passphrase'
import { PassphraseThrottle } from './passphrase-throttle'
import {
  SECRET_KINDS,
  changedEndpoints,
  describeIssues,
  endpointLabel,
  isInternalExtension,
  pbxProfileSchema,
  profileIdSchema,
  sealedChanges,
  sealedFieldsOf,
  type PbxProfile,
  type SecretKind,
} from './schema'
import { CURRENT_SEAL_VERSION, computeSeal, verifySeal, verifySealV1 } from './seal'

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
  /** Console-wide guessing brake for the admin passphrase (shared with web mode's setup code). */
  throttle?: PassphraseThrottle
}

export type ProfileSecrets = Partial<Record<SecretKind, string>>

/** What a save did, for its audit line. */
export interface SaveOutcome {
  readonly profile: PbxProfile
  /** The admin passphrase was given and verified. */
  readonly adminVerified: boolean
  /** Sealed groups that changed ("dial plan", "AMI endpoint"); every group for a new profile. */
  readonly sealedChanges: readonly string[]
  /** Endpoints that moved, as "old → new" in words, per transport. */
  readonly endpointMoves: readonly { readonly kind: SecretKind; readonly from: string; readonly to: string }[]
  /** Stored secrets dropped because their endpoint changed and no new one came with the save. */
  readonly droppedSecrets: readonly SecretKind[]
}

interface StoredRecord {
  v: 1 | 2
  profile: unknown
  seal: unknown
}

type Judged = { ok: true; profile: PbxProfile } | { ok: false; problem: ProfileProblem }

const ALL_SEALED_GROUPS = [
  'role',
  'read-only',
  'own extension',
  'dial plan',
  'originate settings',
  'dial limits',
  'AMI endpoint',
  'ARI endpoint',
  'FreePBX API endpoint',
]

/**
 * PBX profiles on a key-value backend, validated on every read and write. Secrets live in the
 * SecretBox, each bound to the endpoint it was entered for; a profile only says `hasSecret`.
 * Everything that decides what the seat may dial and where secrets go is sealed (see seal.ts) and
 * changes only with the admin passphrase; so does creating a profile.
 */
export class ProfileStore {
  readonly #kv: KeyValueBackend
  readonly #secrets: SecretBox
  readonly #now: () => Date
  readonly #cost: ScryptCost
  readonly #throttle: PassphraseThrottle
  /** Digests of file contents already backed up, so repeated reads make one backup, not many. */
  readonly #backedUp = new Map<string, string>()
  /** The one-time upgrade of version-1 records, run before anything reads the store. */
  #upgrade: Promise<void> | undefined

  constructor(options: ProfileStoreOptions) {
    this.#kv = options.kv
    this.#secrets = options.secrets
    this.#now = options.now ?? (() => new Date())
    this.#cost = options.scryptCost ?? DEFAULT_SCRYPT_COST
    this.#throttle = options.throttle ?? new PassphraseThrottle()
  }

  /** Every readable profile, plus a problem entry for each stored one that was refused. */
  async list(): Promise<{ profiles: PbxProfile[]; problems: ProfileProblem[] }> {
    await this.#ready()
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
    await this.#ready()
    return this.#withSecretFlags(await this.#trusted(id))
  }

  /**
   * Creates or replaces a profile, with the secrets typed in (each bound to the endpoint this
   * profile names for it). `hasSecret` in the input is ignored (the SecretBox is the truth).
   * The admin passphrase is needed to create a profile, to save over one that was refused, and to
   * change any sealed field; when given it is always checked (throttled). An endpoint that changes
   * drops the secrets bound to the old one unless new ones come with this save.
   */
  async save(input: unknown, options: { adminPassphrase?: string | undefined; secrets?: ProfileSecrets | undefined } = {}): Promise<SaveOutcome> {
    await this.#ready()
    const parsed = pbxProfileSchema.safeParse(input)
    if (!parsed.success) throw new ProfileError('invalid', `profile is invalid: ${describeIssues(parsed.error)}`)
    const profile = parsed.data
    if (!isInternalExtension(profile.operator.ownExtension, profile.dialPlan)) {
      throw new ProfileError(
        'invalid',
        `operator.ownExtension: ${profile.operator.ownExtension} is not an internal extension of this dial plan; add it to the internal extensions (list or patterns)`,
      )
    }
    const secrets = options.secrets ?? {}
    const existing = this.#readRecords()[profile.id]
    const trusted = existing === undefined ? undefined : await this.#judge(profile.id, existing)
    let changes: string[]
    let before: PbxProfile | undefined
    if (existing === undefined) {
      if (!(await this.hasAdminPassphrase())) {
        throw new ProfileError('admin_passphrase_not_set', words('createNeedsPassphrase'))
      }
      changes = [...ALL_SEALED_GROUPS]
      await this.#requireAdmin(options.adminPassphrase, { task: 'task.createProfile' })
    } else if (trusted?.ok !== true) {
      changes = [...ALL_SEALED_GROUPS]
      await this.#requireAdmin(options.adminPassphrase, { task: 'task.saveOverRefused' })
    } else {
      before = trusted.profile
      changes = sealedChanges(sealedFieldsOf(before), sealedFieldsOf(profile))
      if (changes.length > 0) await this.#requireAdmin(options.adminPassphrase, { task: 'task.changeGroups', groups: changes.join(', ') })
    }
    // A passphrase given for nothing sealed is still checked: the audit must not say "verified" for a guess.
    const adminVerified = changes.length > 0 || (options.adminPassphrase !== undefined && (await this.#checkAdmin(options.adminPassphrase)))
    if (Object.keys(secrets).length > 0) this.#requireSecretBox()

    const moved = before === undefined ? [] : changedEndpoints(before, profile)
    const endpointMoves =
      before === undefined ? [] : moved.map((kind) => ({ kind, from: endpointLabel(kind, before), to: endpointLabel(kind, profile) }))
    const dropped: SecretKind[] = []
    if (existing === undefined || trusted?.ok !== true) {
      // A new (or re-created) profile must not inherit secrets left behind under the same id: they
      // were entered for a profile nobody vouches for now.
      for (const kind of SECRET_KINDS) if (secrets[kind] === undefined) await this.#secrets.delete(profileSecretName(profile.id, kind))
    } else {
      for (const kind of moved) {
        if (secrets[kind] !== undefined) continue
        if (await this.#secrets.has(profileSecretName(profile.id, kind))) dropped.push(kind)
        await this.#secrets.delete(profileSecretName(profile.id, kind))
      }
    }
    await this.#writeRecord(profile)
    for (const kind of SECRET_KINDS) {
      const value = secrets[kind]
      if (value !== undefined) await this.#secrets.put(profileSecretName(profile.id, kind), encodeBoundSecret(value, kind, profile))
    }
    return { profile: await this.#withSecretFlags(profile), adminVerified, sealedChanges: changes, endpointMoves, droppedSecrets: dropped }
  }

  /** Deletes a profile and its secrets. Narrowing needs no passphrase. */
  async remove(id: string, options: { adminPassphrase?: string | undefined } = {}): Promise<{ adminVerified: boolean }> {
    await this.#ready()
    profileIdSchema.parse(id)
    // Once an admin exists, a seat must not be able to wipe a PBX's settings and secrets.
    const adminVerified = await this.hasAdminPassphrase()
    if (adminVerified) await this.#requireAdmin(options.adminPassphrase, { task: 'task.removeProfile' })
    const records = this.#readRecords()
    const rest: Record<string, unknown> = {}
    for (const [otherId, record] of Object.entries(records)) {
      if (otherId !== id) rest[otherId] = { v: record.v, profile: record.profile, seal: record.seal }
    }
    this.#kv.set(PROFILES_KEY, rest)
    for (const kind of SECRET_KINDS) await this.#secrets.delete(profileSecretName(id, kind))
    return { adminVerified }
  }

  /**
   * For the main process's connection code only; never send the value over the contract. The
   * stored secret of profile `profile.id` is released only when the endpoint `profile` names for
   * it is the one it was entered for, and only while the stored profile itself is trusted.
   */
  async secretFor(profile: PbxProfile, kind: SecretKind): Promise<SecretLookup> {
    await this.#ready()
    await this.#trusted(profile.id)
    const text = await this.#secrets.get(profileSecretName(profile.id, kind))
    return lookupFor(text === undefined ? undefined : decodeStoredSecret(text), kind, profile)
  }

  async hasAdminPassphrase(): Promise<boolean> {
    return this.#secrets.has(ADMIN_PASSPHRASE_SECRET)
  }

  /** Throws in plain words unless an admin passphrase is set and this is it (throttled console-wide). */
  async requireAdminPassphrase(passphrase: string | undefined, what: AdminTask): Promise<void> {
    await this.#requireAdmin(passphrase, what)
  }

  /** Checks the passphrase through the console-wide throttle (a wrong one lengthens the wait). */
  async verifyAdminPassphrase(passphrase: string): Promise<boolean> {
    return this.#checkAdmin(passphrase)
  }

  /**
   * Sets the admin passphrase. Changing it needs the current one. Setting the first one is refused
   * when profiles sealed under an earlier passphrase exist: its record was removed, which is
   * tampering, not a first run. Who may set the first one is decided by the caller (first-run step).
   */
  async setAdminPassphrase(next: string, current?: string): Promise<void> {
    await this.#ready()
    if (next.length < MIN_PASSPHRASE_LENGTH) {
      throw new ProfileError('passphrase_too_short', words('passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }))
    }
    this.#requireSecretBox()
    const hadPassphrase = await this.hasAdminPassphrase()
    if (hadPassphrase) {
      await this.#requireAdmin(current, { task: 'task.changePassphrase' })
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
   * its stored sealed fields as they are and seals them again. Secrets stored before binding
   * existed are bound to its endpoints now (the admin vouches for them); others keep their binding.
   */
  async acceptSealedFields(id: string, adminPassphrase: string): Promise<PbxProfile> {
    await this.#ready()
    await this.#requireAdmin(adminPassphrase, { task: 'task.acceptRefused' })
    const record = this.#readRecords()[id]
    if (record === undefined) throw new ProfileError('not_found', words('notFound', { id }))
    const parsed = pbxProfileSchema.safeParse(record.profile)
    if (!parsed.success || parsed.data.id !== id) {
      throw new ProfileError('invalid', `stored profile "${id}" is invalid and cannot be accepted; edit and save it again`)
    }
    await this.#writeRecord(parsed.data)
    await this.#bindLegacySecrets(parsed.data)
    return this.#withSecretFlags(parsed.data)
  }

  // --- internals -------------------------------------------------------------------------

  #ready(): Promise<void> {
    this.#upgrade ??= this.#upgradeRecords().catch((err: unknown) => {
      this.#upgrade = undefined
      throw err
    })
    return this.#upgrade
  }

  /**
   * The one-time upgrade from version-1 seals (role, read-only, prefixes) to version 2 (every
   * sealed field). Each record whose v1 seal verifies now is re-sealed as v2 and its secrets are
   * bound to its endpoints; then the seal key is replaced, so a v1 record kept from before the
   * upgrade (say, with a different dial plan) can never be replayed into the file: its seal no
   * longer verifies under any key the store holds. Records that fail stay refused until an admin
   * accepts them. The fields v1 did not cover are taken as they are in the file at this moment: the
   * old version let any seat change them through the contract anyway, so the upgrade trusts
   * nothing the old version did not.
   */
  async #upgradeRecords(): Promise<void> {
    const records = this.#readRecords()
    const legacy = Object.entries(records).filter(([, record]) => record.v !== CURRENT_SEAL_VERSION)
    if (legacy.length === 0) return
    const oldKey = await this.#sealKey(false)
    if (oldKey === undefined) return
    const adminPassphraseSet = await this.hasAdminPassphrase()
    const keep: PbxProfile[] = []
    for (const [id, record] of Object.entries(records)) {
      const parsed = pbxProfileSchema.safeParse(record.profile)
      if (!parsed.success || parsed.data.id !== id) continue
      const sealOk =
        record.v === CURRENT_SEAL_VERSION
          ? verifySeal(oldKey, { profileId: id, adminPassphraseSet, sealed: sealedFieldsOf(parsed.data) }, record.seal)
          : verifySealV1(oldKey, id, adminPassphraseSet, parsed.data, record.seal)
      if (sealOk) keep.push(parsed.data)
    }
    if (!keep.some((p) => records[p.id]?.v !== CURRENT_SEAL_VERSION)) return
    this.#requireSecretBox()
    const newKey = randomBytes(32)
    const next: Record<string, unknown> = {}
    for (const [id, record] of Object.entries(records)) next[id] = { v: record.v, profile: record.profile, seal: record.seal }
    for (const profile of keep) {
      const seal = computeSeal(newKey, { profileId: profile.id, adminPassphraseSet, sealed: sealedFieldsOf(profile) })
      next[profile.id] = { v: CURRENT_SEAL_VERSION, profile: this.#storedForm(profile), seal }
    }
    // Records first, then the key: a crash between the two leaves seals that do not verify (every
    // profile refused until an admin accepts it), never an old seal that still does.
    this.#kv.set(PROFILES_KEY, next)
    await this.#secrets.put(SEAL_KEY_SECRET, newKey.toString('base64'))
    for (const profile of keep) await this.#bindLegacySecrets(profile)
  }

  /** Binds secrets stored before binding existed to this (trusted) profile's endpoints. */
  async #bindLegacySecrets(profile: PbxProfile): Promise<void> {
    for (const kind of SECRET_KINDS) {
      const name = profileSecretName(profile.id, kind)
      let text: string | undefined
      try {
        text = await this.#secrets.get(name)
      } catch {
        continue // a damaged entry stays unusable; the admin enters the secret again
      }
      if (text === undefined) continue
      const stored = decodeStoredSecret(text)
      if (stored.binding === undefined) await this.#secrets.put(name, encodeBoundSecret(stored.value, kind, profile))
    }
  }

  async #trusted(id: string): Promise<PbxProfile> {
    const record = this.#readRecords()[id]
    if (record === undefined) throw new ProfileError('not_found', words('notFound', { id }))
    const judged = await this.#judge(id, record)
    if (!judged.ok) throw new ProfileError(judged.problem.code, judged.problem.message, judged.problem.backupPath)
    return judged.profile
  }

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
      out[id] = { v: record.v === CURRENT_SEAL_VERSION ? CURRENT_SEAL_VERSION : 1, profile: record.profile, seal: record.seal }
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
        problem: this.#problem(
          id,
          'seal_key_missing',
          `the key that seals profile "${id}" is missing from the secret store; an admin must accept its settings again`,
        ),
      }
    }
    const adminPassphraseSet = await this.hasAdminPassphrase()
    const input = { profileId: id, adminPassphraseSet, sealed: sealedFieldsOf(parsed.data) }
    if (record.v !== CURRENT_SEAL_VERSION || !verifySeal(key, input, record.seal)) {
      return {
        ok: false,
        problem: this.#problem(
          id,
          'seal_mismatch',
          `profile "${id}": its sealed settings (seat, dial plan, originate settings, dial limits or PBX addresses) were changed outside the app; the profile is refused until an admin accepts or corrects them`,
        ),
      }
    }
    return { ok: true, profile: parsed.data }
  }

  #problem(profileId: string, code: ProfileProblem['code'], message: string): ProfileProblem {
    const backupPath = this.#backupFile()
    return backupPath === undefined ? { profileId, code, message } : { profileId, code, message, backupPath }
  }

  /** hasSecret is derived from the SecretBox on read; store false so the file never lies. */
  #storedForm(profile: PbxProfile): PbxProfile {
    return {
      ...profile,
      ami: { ...profile.ami, hasSecret: false },
      ari: { ...profile.ari, hasSecret: false },
      freepbx: { ...profile.freepbx, hasSecret: false },
    }
  }

  async #writeRecord(profile: PbxProfile): Promise<void> {
    const key = await this.#sealKey(true)
    if (key === undefined) throw new ProfileError('seal_key_missing', 'cannot create the profile seal key')
    const adminPassphraseSet = await this.hasAdminPassphrase()
    const seal = computeSeal(key, { profileId: profile.id, adminPassphraseSet, sealed: sealedFieldsOf(profile) })
    const records = this.#readRecords()
    // Other records (even damaged ones) are written back untouched: no silent loss.
    const next: Record<string, unknown> = {}
    for (const [id, record] of Object.entries(records)) next[id] = { v: record.v, profile: record.profile, seal: record.seal }
    next[profile.id] = { v: CURRENT_SEAL_VERSION, profile: this.#storedForm(profile), seal }
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
      const sealed = sealedFieldsOf(parsed.data)
      if (verifySeal(key, { profileId: id, adminPassphraseSet: true, sealed }, record.seal)) return true
      if (verifySealV1(key, id, true, parsed.data, record.seal)) return true
    }
    return false
  }

  async #passphraseRecord(): Promise<PassphraseRecord | undefined> {
    let text: string | undefined
    try {
      text = await this.#secrets.get(ADMIN_PASSPHRASE_SECRET)
    } catch {
      throw new ProfileError('admin_passphrase_missing', words('passphraseRecordAltered'))
    }
    if (text === undefined) return undefined
    const record = parsePassphraseRecord(text)
    if (record === undefined) throw new ProfileError('admin_passphrase_missing', words('passphraseRecordDamaged'))
    return record
  }

  /** One throttled check of the admin passphrase; true when it is right. */
  async #checkAdmin(passphrase: string): Promise<boolean> {
    const record = await this.#passphraseRecord()
    if (record === undefined) return false
    this.#throttle.assertMayTry('admin passphrase')
    const right = await verifyPassphrase(passphrase, record)
    if (right) this.#throttle.succeeded()
    else this.#throttle.failed()
    return right
  }

  async #requireAdmin(passphrase: string | undefined, what: AdminTask): Promise<void> {
    const record = await this.#passphraseRecord()
    if (record === undefined) {
      throw new ProfileError('admin_passphrase_not_set', taskWords('passphraseNotSet', what))
    }
    if (passphrase === undefined || passphrase.length === 0) {
      throw new ProfileError('passphrase_required', taskWords('passphraseRequired', what))
    }
    if (!(await this.#checkAdmin(passphrase))) {
      throw new ProfileError('passphrase_wrong', words('passphraseWrong'))
    }
  }

  #requireSecretBox(): void {
    const status = this.#secrets.isAvailable()
    if (!status.ok) throw new ProfileError('secrets_unavailable', words('secretsUnavailable', { reason: status.reason ?? status.backend }))
  }

  /** hasSecret = a secret is stored and bound to the endpoint this profile names for it. */
  async #withSecretFlags(profile: PbxProfile): Promise<PbxProfile> {
    const has = async (kind: SecretKind): Promise<boolean> => {
      const text = await this.#secrets.get(profileSecretName(profile.id, kind)).catch(() => undefined)
      return lookupFor(text === undefined ? undefined : decodeStoredSecret(text), kind, profile).state === 'bound'
    }
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
