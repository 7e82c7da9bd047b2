import type { TestConnectionView } from '../../../src-preload/types/connections'
import type {
  AdminSetPassphraseInput,
  ProfileRemoveInput,
  ProfileSaveInput,
  ProfilesView,
  Role,
  SecretKind,
} from '../../../src-preload/types/profile'
import { testConnection, type TestConnectionSecrets } from '../connection/test-connection'
import { ApiFailure } from '../errors/api-failure'
import type { AuditInput, AuditLog } from '../audit'
import { seatLabel, type SeatContext } from '../audit/seat'
import type { SecretLookup } from './bound-secret'
import { ProfileError, type ProfileErrorCode } from './errors'
import type { AdminTask } from './words'
import { FirstRunGate } from './first-run'
import { PassphraseThrottle } from './passphrase-throttle'
import type { ProfileStore } from './profile-store'
import { SECRET_KINDS, endpointLabel, type PbxProfile } from './schema'

const API_CODE: Record<ProfileErrorCode, ApiFailure['code']> = {
  not_found: 'not_found',
  invalid: 'invalid_input',
  seal_mismatch: 'conflict',
  seal_key_missing: 'conflict',
  passphrase_required: 'forbidden',
  passphrase_wrong: 'forbidden',
  passphrase_too_short: 'invalid_input',
  passphrase_throttled: 'refused',
  admin_passphrase_not_set: 'forbidden',
  admin_passphrase_missing: 'forbidden',
  first_run_only: 'forbidden',
  setup_code_wrong: 'forbidden',
  store_unreadable: 'internal',
  secrets_unavailable: 'unavailable',
}

/** ProfileErrors carry plain words and no secrets; give them their contract code. */
export function asApiFailure(err: unknown): unknown {
  if (!(err instanceof ProfileError)) return err
  if (err.code === 'passphrase_throttled')
    return new ApiFailure('refused', err.message, { rule: 'passphrase_throttle', retryAfterMs: err.retryAfterMs })
  return new ApiFailure(API_CODE[err.code], err.message)
}

export interface ProfileServiceOptions {
  /**
   * The role of the profile this window or socket is subscribed to for live updates (the seat it
   * works at); undefined when it is on none. Audit lines name it instead of claiming 'admin'.
   */
  readonly roleOf?: (clientId: string) => Role | undefined
  /** Web mode's one-time setup code for the first passphrase; undefined in the desktop app. */
  readonly setupCode?: string
  /** Shared with the store: one guessing brake for every admin secret the console checks. */
  readonly throttle?: PassphraseThrottle
}

const SECRET_NAMES: Record<SecretKind, string> = { ami: 'AMI secret', ari: 'ARI password', freepbx: 'FreePBX client secret' }

/** Where each enabled transport of a profile goes, for an audit line. */
function endpointsInWords(profile: PbxProfile): string {
  const parts = [`AMI ${endpointLabel('ami', profile)}`]
  if (profile.ari.enabled) parts.push(`ARI ${endpointLabel('ari', profile)}`)
  if (profile.freepbx.enabled) parts.push(`FreePBX ${endpointLabel('freepbx', profile)}`)
  return parts.join(', ')
}

/**
 * What the contract's profile channels do: the store (validation, sealing, bound secrets) plus an
 * audit line for every attempt (who: the seat and its real role; where: the endpoints) and a
 * `profiles.changed` push so every window shows the same list. Changes and passphrase checks run
 * one at a time, so parallel requests cannot race a check or a first-run step.
 */
export class ProfileService {
  readonly #firstRun: FirstRunGate
  readonly #roleOf: (clientId: string) => Role | undefined
  #queue: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly store: ProfileStore,
    private readonly audit: AuditLog,
    /** `savedId`: the profile just saved (its secrets may have changed even if its fields did not). */
    private readonly onChange: (view: ProfilesView, savedId?: string) => void,
    options: ProfileServiceOptions = {},
  ) {
    this.#roleOf = options.roleOf ?? (() => undefined)
    this.#firstRun = new FirstRunGate(options.setupCode, options.throttle ?? new PassphraseThrottle())
  }

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

  /**
   * A secret for main-process connection code only, never returned over the contract: released
   * only for the endpoint it was entered for. `profile` is the one the caller connects with.
   */
  async secretFor(profile: PbxProfile, kind: SecretKind): Promise<SecretLookup> {
    return this.store.secretFor(profile, kind)
  }

  /**
   * Test connection. A typed secret is used as typed; otherwise the stored one, only if the
   * endpoint under test is the one it was entered for (a test of an edited address uses only the
   * secrets typed into this request). Audited, since it makes the console log in somewhere.
   */
  async test(
    input: { profile: PbxProfile; secrets?: Partial<Record<SecretKind, string>> | undefined },
    ctx: SeatContext,
  ): Promise<TestConnectionView> {
    const { profile } = input
    const secrets: Partial<Record<SecretKind, string>> = {}
    const unusable: Partial<Record<SecretKind, string>> = {}
    const enabled: Record<SecretKind, boolean> = { ami: true, ari: profile.ari.enabled, freepbx: profile.freepbx.enabled }
    for (const kind of SECRET_KINDS) {
      if (!enabled[kind]) continue
      const typed = input.secrets?.[kind]
      if (typed !== undefined) {
        secrets[kind] = typed
        continue
      }
      const stored = await this.storedForTest(profile, kind)
      if (stored.state === 'bound') secrets[kind] = stored.value
      else if (stored.state === 'unbound') unusable[kind] = stored.reason
    }
    const result = await testConnection(profile, { ...secrets, unusable } satisfies TestConnectionSecrets)
    const transports = [
      ['ami', result.ami],
      ['ari', result.ari],
      ['rest', result.rest],
    ] as const
    const used = transports.filter(([, r]) => r.code !== 'disabled')
    await this.record(ctx, {
      profileId: profile.id,
      action: 'profile.test',
      target: profile.host,
      result: used.every(([, r]) => r.ok) ? 'ok' : 'error',
      endpoint: endpointsInWords(profile),
      detail: used.map(([t, r]) => `${t}: ${r.ok ? 'ok' : (r.code ?? 'failed')}`).join(', '),
    })
    return result
  }

  async save(input: ProfileSaveInput, ctx: SeatContext): Promise<PbxProfile> {
    return this.serial(async () => {
      const { profile, secrets, adminPassphrase } = input
      try {
        const outcome = await this.store.save(profile, { adminPassphrase, secrets })
        const saved = outcome.profile
        const notes: string[] = []
        if (outcome.adminVerified) notes.push('admin passphrase given and verified')
        if (outcome.sealedChanges.length > 0) notes.push(`sealed: ${outcome.sealedChanges.join(', ')}`)
        const typed = SECRET_KINDS.filter((kind) => secrets?.[kind] !== undefined)
        if (typed.length > 0) notes.push(`new ${typed.map((k) => SECRET_NAMES[k]).join(', ')}`)
        if (outcome.droppedSecrets.length > 0)
          notes.push(`dropped ${outcome.droppedSecrets.map((k) => SECRET_NAMES[k]).join(', ')} (entered for the old address)`)
        const moves = outcome.endpointMoves.map((m) => `${m.kind.toUpperCase()} ${m.from} → ${m.to}`)
        await this.record(ctx, {
          profileId: saved.id,
          action: 'profile.save',
          target: saved.id,
          result: 'ok',
          endpoint: moves.length > 0 ? moves.join('; ') : endpointsInWords(saved),
          ...(notes.length > 0 ? { detail: notes.join('; ') } : {}),
        })
        const fresh = await this.store.get(saved.id)
        this.onChange(await this.view(), saved.id)
        return fresh
      } catch (err) {
        await this.refused(ctx, 'profile.save', profile.id, err, endpointsInWords(profile), adminPassphrase !== undefined)
        throw asApiFailure(err)
      }
    })
  }

  async remove(input: ProfileRemoveInput, ctx: SeatContext): Promise<null> {
    const { id, adminPassphrase } = input
    return this.serial(async () => {
      try {
        const { profiles, problems } = await this.store.list()
        const found = profiles.find((p) => p.id === id)
        if (found === undefined && !problems.some((p) => p.profileId === id)) {
          throw new ProfileError('not_found', `No profile with id ${id}`)
        }
        const { adminVerified } = await this.store.remove(id, { adminPassphrase })
        await this.record(ctx, {
          profileId: id,
          action: 'profile.remove',
          target: id,
          result: 'ok',
          ...(found === undefined ? {} : { endpoint: endpointsInWords(found) }),
          ...(adminVerified ? { detail: 'admin passphrase given and verified' } : {}),
        })
        this.onChange(await this.view())
        return null
      } catch (err) {
        await this.refused(ctx, 'profile.remove', id, err, undefined, adminPassphrase !== undefined)
        throw asApiFailure(err)
      }
    })
  }

  /**
   * Sets or changes the admin passphrase. The first one only in the first-run step (see
   * FirstRunGate); a change needs the current one, checked through the console-wide throttle.
   */
  async setAdminPassphrase(input: AdminSetPassphraseInput, ctx: SeatContext): Promise<null> {
    return this.serial(async () => {
      try {
        const first = !(await this.store.hasAdminPassphrase())
        const proof = first ? this.#firstRun.authorize(ctx, input.setupCode) : undefined
        await this.store.setAdminPassphrase(input.next, first ? undefined : input.current)
        if (first) this.#firstRun.spend()
        await this.record(ctx, {
          profileId: '-',
          action: 'admin.setPassphrase',
          target: '',
          result: 'ok',
          detail: proof === undefined ? 'changed; current passphrase given and verified' : `first passphrase set (first-run step, ${proof})`,
        })
        this.onChange(await this.view())
        return null
      } catch (err) {
        await this.refused(ctx, 'admin.setPassphrase', '', err, undefined, input.current !== undefined)
        throw asApiFailure(err)
      }
    })
  }

  /**
   * An admin-only console action outside the profiles (web mode's access token): the admin passphrase
   * checked through the console-wide throttle, then `work`; one audit line either way, naming the
   * seat and its real role, `detail` saying what was done (never a secret).
   */
  async asAdmin<T>(
    action: string,
    what: AdminTask,
    adminPassphrase: string | undefined,
    ctx: SeatContext,
    work: () => Promise<{ readonly value: T; readonly detail: string }>,
  ): Promise<T> {
    return this.serial(async () => {
      try {
        await this.store.requireAdminPassphrase(adminPassphrase, what)
        const { value, detail } = await work()
        await this.record(ctx, { profileId: '-', action, target: '', result: 'ok', detail: `admin passphrase given and verified; ${detail}` })
        return value
      } catch (err) {
        await this.refused(ctx, action, '', err, undefined, adminPassphrase !== undefined)
        throw asApiFailure(err)
      }
    })
  }

  /** An attempt refused by the channel's input schema (see audited-edge.ts), in the same words. */
  async recordEdgeRefusal(action: string, message: string, ctx: SeatContext): Promise<void> {
    await this.record(ctx, { profileId: '-', action, target: '', result: 'refused', errorCode: 'invalid_input', detail: message })
  }

  // --- internals -------------------------------------------------------------------------

  /** A stored secret for a test: none when the profile is new; never one a refused profile holds. */
  private async storedForTest(profile: PbxProfile, kind: SecretKind): Promise<SecretLookup> {
    try {
      return await this.store.secretFor(profile, kind)
    } catch (err) {
      if (err instanceof ProfileError && err.code === 'not_found') return { state: 'none' }
      const why = err instanceof ProfileError ? err.message : 'the stored profile cannot be read'
      return { state: 'unbound', reason: `the stored ${SECRET_NAMES[kind]} is not used: ${why}` }
    }
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work)
    this.#queue = run.catch(() => undefined)
    return run
  }

  private async refused(ctx: SeatContext, action: string, target: string, err: unknown, endpoint?: string, passphraseGiven = false): Promise<void> {
    const code = err instanceof ProfileError ? err.code : 'error'
    const notes: string[] = []
    if (passphraseGiven && code !== 'passphrase_wrong' && code !== 'passphrase_throttled') notes.push('admin passphrase given')
    if (err instanceof ProfileError) notes.push(err.english)
    await this.record(ctx, {
      profileId: target === '' ? '-' : target,
      action,
      target,
      result: 'refused',
      errorCode: code,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(notes.length > 0 ? { detail: notes.join('; ') } : {}),
    })
  }

  /** Every line names the seat and the role it really works with, never a claimed 'admin'. */
  private async record(ctx: SeatContext, entry: Omit<AuditInput, 'role' | 'seat'>): Promise<void> {
    await this.audit.append({ ...entry, role: this.#roleOf(ctx.clientId) ?? 'receptionist', seat: seatLabel(ctx) })
  }
}
