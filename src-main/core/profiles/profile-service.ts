import type { TestConnectionView } from '../../../src-preload/types/connections'
import type { ProfileSaveInput, ProfilesView, SecretKind } from '../../../src-preload/types/profile'
import { testConnection } from '../connection/test-connection'
import { ApiFailure } from '../api/api-failure'
import type { AuditLog } from '../audit'
import { ProfileError, type ProfileErrorCode } from './errors'
import type { ProfileStore } from './profile-store'
import type { PbxProfile } from './schema'

const API_CODE: Record<ProfileErrorCode, ApiFailure['code']> = {
  not_found: 'not_found',
  invalid: 'invalid_input',
  seal_mismatch: 'conflict',
  seal_key_missing: 'conflict',
  passphrase_required: 'forbidden',
  passphrase_wrong: 'forbidden',
  passphrase_too_short: 'invalid_input',
  admin_passphrase_not_set: 'forbidden',
  admin_passphrase_missing: 'forbidden',
  store_unreadable: 'internal',
  secrets_unavailable: 'unavailable',
}

/** ProfileErrors carry plain words and no secrets; give them their contract code. */
export function asApiFailure(err: unknown): unknown {
  return err instanceof ProfileError ? new ApiFailure(API_CODE[err.code], err.message) : err
}

/**
 * What the contract's profile channels do: the store (validation, sealing, secrets) plus an audit
 * line for every admin change and a `profiles.changed` push so every window shows the same list.
 */
export class ProfileService {
  constructor(
    private readonly store: ProfileStore,
    private readonly audit: AuditLog,
    /** `savedId`: the profile just saved (its secrets may have changed even if its fields did not). */
    private readonly onChange: (view: ProfilesView, savedId?: string) => void,
  ) {}

  async view(): Promise<ProfilesView> {
    const { profiles, problems } = await this.store.list()
    return {
      profiles,
      problems: problems.map((p) => ({ id: p.profileId, code: p.code, message: p.message })),
      hasAdminPassphrase: await this.store.hasAdminPassphrase(),
    }
  }

  async get(id: string): Promise<PbxProfile> {
    try {
      return await this.store.get(id)
    } catch (err) {
      throw asApiFailure(err)
    }
  }

  /** Secret values for main-process code only (connections). Never returned over the contract. */
  getSecret(id: string, kind: SecretKind): Promise<string | undefined> {
    return this.store.getSecret(id, kind)
  }

  /**
   * Test connection: secrets typed in the editor, else the stored ones. Admin-only in spirit
   * (it is run from the profile editor) and audited, since it makes the console log in.
   */
  async test(input: { profile: PbxProfile; secrets?: Partial<Record<SecretKind, string>> | undefined }): Promise<TestConnectionView> {
    const secret = async (kind: SecretKind): Promise<string | undefined> =>
      input.secrets?.[kind] ?? (await this.store.getSecret(input.profile.id, kind).catch(() => undefined))
    const result = await testConnection(input.profile, { ami: await secret('ami'), ari: await secret('ari'), freepbx: await secret('freepbx') })
    await this.audit.append({
      profileId: input.profile.id,
      role: 'admin',
      action: 'profile.test',
      target: input.profile.host,
      result: result.ami.ok && result.ari.ok && result.rest.ok ? 'ok' : 'error',
      detail: (['ami', 'ari', 'rest'] as const).map((t) => `${t}: ${result[t].ok ? 'ok' : (result[t].code ?? 'failed')}`).join(', '),
    })
    return result
  }

  async save(input: ProfileSaveInput): Promise<PbxProfile> {
    const { profile, secrets, adminPassphrase } = input
    try {
      const saved = await this.store.save(profile, adminPassphrase === undefined ? {} : { adminPassphrase })
      for (const kind of ['ami', 'ari', 'freepbx'] as const) {
        const value = secrets?.[kind]
        if (value !== undefined) await this.store.setSecret(saved.id, kind, value)
      }
      await this.record('profile.save', saved.id, 'ok')
      const fresh = await this.store.get(saved.id)
      this.onChange(await this.view(), saved.id)
      return fresh
    } catch (err) {
      await this.record('profile.save', profile.id, 'refused', err)
      throw asApiFailure(err)
    }
  }

  async remove(id: string): Promise<null> {
    try {
      const { profiles, problems } = await this.store.list()
      if (!profiles.some((p) => p.id === id) && !problems.some((p) => p.profileId === id)) {
        throw new ProfileError('not_found', `No profile with id ${id}`)
      }
      await this.store.remove(id)
      await this.record('profile.remove', id, 'ok')
      this.onChange(await this.view())
      return null
    } catch (err) {
      await this.record('profile.remove', id, 'refused', err)
      throw asApiFailure(err)
    }
  }

  async setAdminPassphrase(next: string, current?: string): Promise<null> {
    try {
      await this.store.setAdminPassphrase(next, current)
      await this.record('admin.setPassphrase', '', 'ok')
      this.onChange(await this.view())
      return null
    } catch (err) {
      await this.record('admin.setPassphrase', '', 'refused', err)
      throw asApiFailure(err)
    }
  }

  private async record(action: string, target: string, result: 'ok' | 'refused', err?: unknown): Promise<void> {
    await this.audit.append({
      profileId: target === '' ? '-' : target,
      role: 'admin',
      action,
      target,
      result,
      ...(err instanceof ProfileError ? { errorCode: err.code } : err === undefined ? {} : { errorCode: 'error' }),
    })
  }
}
