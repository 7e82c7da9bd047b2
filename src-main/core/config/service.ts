/**
 * The configuration service of one profile: reads through the PBX's backend, checks FreePBX's
 * rules, refuses a write when the object changed on the PBX since the editor read it, writes,
 * re-reads, records the change (diff and before-image) in the pending batch and audits it with
 * its diff (secrets redacted). A write that fails is re-read too, so the admin is told exactly
 * what state the object is in, and offered to restore it from the before-image.
 *
 * Admins only; a read-only profile refuses every write (policy.ts). Refusals are audited.
 */
import { randomInt } from 'node:crypto'
import type {
  ConfigChangeInput,
  ConfigConflictDetail,
  ConfigFieldErrors,
  ConfigItem,
  ConfigKind,
  ConfigList,
  ConfigPending,
  ConfigSaveOutcome,
  ConfigSaveResult,
  ConfigStatus,
  ConfigValuesByKind,
  DestinationOption,
  ExtensionSecrets,
  ExtensionValues,
  PendingChange,
  RevealedSecret,
} from '../../../src-preload/types/config'
import { type AuditLog, seatLabel, type SeatContext } from '../audit'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import type { BackendFailure, ConfigBackend, KindBackend, ReadItem, SecretsByKind } from './backend'
import { EXTENSION_UPDATE_WARNINGS, objectLabel, rangeName, shownChange, shownLabel } from './descriptors'
import { diffLine, diffValues } from './diff'
import type { PendingChanges, PendingEntry } from './pending'
import { CONFIG_POLICIES, type ConfigAction } from './policy'
import { checkSecret, type NumberUser, validateValues, type ValidationContext } from './validate'
import { versionOf } from './version'
import { say } from '../i18n'
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings } from './strings'

const words = say(strings)
/** The same words in English: the audit is a record and keeps its English lines whatever the console's language. */
const english = inEnglish(strings)

export interface ConfigServiceDeps {
  readonly profile: () => PbxProfile
  /** Undefined: the profile has no FreePBX API configured (status says what it needs). */
  readonly backend: ConfigBackend | undefined
  readonly audit: AuditLog
  readonly pending: PendingChanges
  readonly now?: () => number
}

type Actor = SeatContext
type AnyItem = ReadItem<ConfigKind>

/** What a profile without the FreePBX API needs, in the admin's words and language. */
export const apiNeeds = (): string[] => [words('needs.api'), words('needs.module'), words('needs.scopes')]

const SECRET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789'

/** A strong SIP secret: 32 characters from 57 (about 186 bits), none a phone's config file chokes on. */
export function generateSecret(): string {
  let out = ''
  for (let i = 0; i < 32; i++) out += SECRET_ALPHABET.charAt(randomInt(SECRET_ALPHABET.length))
  return out
}

export class ConfigService {
  constructor(private readonly d: ConfigServiceDeps) {}

  // ------------------------------------------------------------------ guard and audit

  private async guard(action: ConfigAction, audited: string, target: string, actor: Actor): Promise<void> {
    const profile = this.d.profile()
    const auth = authorizeIn(CONFIG_POLICIES, action, profile)
    if (auth.ok) return
    await this.d.audit.append({
      ...this.auditBase(audited, target, actor),
      result: 'refused',
      errorCode: 'forbidden',
      rule: auth.rule,
      detail: auth.reason,
    })
    throw new ApiFailure('forbidden', auth.rule === 'read_only' ? words('write.readOnly') : words('write.adminOnly'), { rule: auth.rule })
  }

  private auditBase(action: string, target: string, actor: Actor) {
    const p = this.d.profile()
    return { profileId: p.id, role: p.operator.role, action, target, operator: p.operator.ownExtension, seat: seatLabel(actor) }
  }

  private async audit(
    action: string,
    target: string,
    actor: Actor,
    result: 'ok' | 'error' | 'refused' | 'outcome_unknown',
    detail: string,
    errorCode?: string,
  ): Promise<void> {
    await this.d.audit.append({ ...this.auditBase(action, target, actor), result, detail, ...(errorCode === undefined ? {} : { errorCode }) })
  }

  private backend(): ConfigBackend {
    const b = this.d.backend
    if (b === undefined) {
      const needs = apiNeeds()
      throw new ApiFailure('unavailable', words('needs.noApi', { needs: needs.join(' ') }), { needs })
    }
    return b
  }

  private kind<K extends ConfigKind>(kind: K): KindBackend<K> {
    return this.backend().kinds[kind]
  }

  /** Runs a backend call; its failure becomes an ApiFailure in the admin's words. */
  private async call<T>(work: () => Promise<T>, what?: string): Promise<T> {
    try {
      return await work()
    } catch (err) {
      if (err instanceof ApiFailure) throw err
      const f = this.backend().explain(err)
      throw new ApiFailure(f.code, what === undefined ? f.message : `${what}: ${f.message}`)
    }
  }

  private item<K extends ConfigKind>(kind: K, read: ReadItem<K>): ConfigItem<K> {
    return { kind, id: read.id, version: versionOf(read.image), values: read.values, meta: read.meta }
  }

  /**
   * A list's item: without `updateWarnings`, the same sentences for every extension (3.2 MB of a
   * 5,020-extension list); the editor reads them with `config.get` when it opens one.
   */
  private listed<K extends ConfigKind>(kind: K, read: ReadItem<K>): ConfigItem<K> {
    const { updateWarnings: _perObject, ...meta } = read.meta
    return this.item(kind, { ...read, meta })
  }

  // ------------------------------------------------------------------ reads

  async status(actor: Actor): Promise<ConfigStatus> {
    await this.guard('config.read', 'config.status', '', actor)
    const profileId = this.d.profile().id
    if (this.d.backend === undefined) return { profileId, ready: false, needs: apiNeeds(), kinds: [], writableKinds: [], canApply: false }
    const probe = await this.call(() => this.backend().probe())
    return {
      profileId,
      ready: probe.needs.length === 0,
      ...(probe.needs.length === 0 ? {} : { needs: probe.needs }),
      kinds: probe.kinds,
      writableKinds: probe.writable,
      canApply: probe.canApply,
      ...(probe.version === undefined ? {} : { freepbxVersion: probe.version }),
      ...(probe.needReload === undefined ? {} : { needReload: probe.needReload }),
    }
  }

  async list<K extends ConfigKind>(kind: K, actor: Actor): Promise<ConfigList<K>> {
    await this.guard('config.read', 'config.list', kind, actor)
    const items = await this.call(() => this.kind(kind).list())
    return { kind, items: items.map((r) => this.listed(kind, r)) }
  }

  async get<K extends ConfigKind>(kind: K, id: string, actor: Actor): Promise<ConfigItem<K>> {
    await this.guard('config.read', 'config.get', objectLabel(kind, id), actor)
    const read = await this.call(() => this.kind(kind).get(id))
    if (read === undefined) throw new ApiFailure('not_found', words('save.notOnPbx', { label: shownLabel(kind, objectLabel(kind, id)) }))
    return this.item(kind, read)
  }

  async destinations(actor: Actor): Promise<readonly DestinationOption[]> {
    await this.guard('config.read', 'config.destinations', '', actor)
    return this.call(() => this.backend().destinations())
  }

  async pendingView(actor: Actor): Promise<ConfigPending> {
    await this.guard('config.read', 'config.pending', '', actor)
    return this.pendingNow()
  }

  private async pendingNow(): Promise<ConfigPending> {
    const profileId = this.d.profile().id
    const entries = this.d.pending.entriesOf(profileId)
    let needReload: boolean | undefined
    try {
      needReload = this.d.backend === undefined ? undefined : await this.d.backend.needReload()
    } catch {
      needReload = undefined // unknown: Apply is offered anyway when something is pending
    }
    const lastApply = this.d.pending.lastApply(profileId)
    return {
      profileId,
      changes: entries.map(shownEntry),
      ...(needReload === undefined ? {} : { needReload }),
      // Some FreePBX writes never set needreload (inbound routes, core#106): offer Apply after every batch.
      applySuggested: entries.length > 0 || needReload === true,
      ...(lastApply === undefined ? {} : { lastApply }),
    }
  }

  // ------------------------------------------------------------------ writes

  /** A batch: each change checked, re-read, written and reported on its own, in order. */
  async save(changes: readonly ConfigChangeInput[], actor: Actor): Promise<ConfigSaveResult> {
    for (const c of changes)
      await this.guard('config.write', c.operation === 'create' ? 'config.create' : 'config.update', objectLabel(c.kind, c.id ?? idHint(c)), actor)
    this.backend()
    const ctx = new BatchContext(this.backend())
    const outcomes: ConfigSaveOutcome[] = []
    for (const change of changes) outcomes.push(await this.saveOne(change, ctx, actor))
    return { outcomes, pending: await this.pendingNow() }
  }

  private async saveOne(change: ConfigChangeInput, ctx: BatchContext, actor: Actor): Promise<ConfigSaveOutcome> {
    const kind = change.kind
    const backend = this.kind<ConfigKind>(kind)
    const values = change.values
    const secrets = ('secrets' in change ? (change.secrets ?? {}) : {}) as SecretsByKind[ConfigKind]
    const newId = backend.idOf(values)
    const create = change.operation === 'create'
    const id = create ? newId : (change.id ?? newId)
    const label = objectLabel(kind, id, nameOf(values))
    const auditAction = create ? 'config.create' : 'config.update'
    // The admin's words name the object in their language; the audit keeps `label`.
    const says = shownLabel(kind, label)
    try {
      if (create && backend.create === undefined) return { ok: false, code: 'invalid_input', message: words('save.cannotCreate', { label: says }) }
      if (!create && change.baseVersion === undefined) return { ok: false, code: 'invalid_input', message: words('save.noVersion', { label: says }) }
      // Re-read before writing: the editor's copy may be stale.
      const current = await this.call(() => backend.get(id), label)
      if (create && current !== undefined) {
        return {
          ok: false,
          code: 'invalid_input',
          message: words('save.exists', { label: says }),
          fields: { [identityField(kind)]: words('save.existsField') },
        }
      }
      if (!create) {
        if (current === undefined || versionOf(current.image) !== change.baseVersion) {
          const conflict = { kind, id, mine: values, ...(current === undefined ? {} : { theirs: this.item(kind, current) }) } as ConfigConflictDetail
          await this.audit(
            auditAction,
            label,
            actor,
            'refused',
            current === undefined ? 'deleted on the PBX since it was opened' : 'changed on the PBX since it was opened',
            'conflict',
          )
          return {
            ok: false,
            code: 'conflict',
            message: current === undefined ? words('save.deletedMeanwhile', { label: says }) : words('save.changedMeanwhile', { label: says }),
            conflict,
          }
        }
        if (kind !== 'inboundRoute' && newId !== id)
          return {
            ok: false,
            code: 'invalid_input',
            message: words('save.numberFixed', { label: says }),
            fields: { [identityField(kind)]: words('save.numberFixedField') },
          }
      }
      const fields = await this.validate(kind, values, secrets, ctx, create ? 'create' : 'update', current)
      if (Object.keys(fields).length > 0)
        return { ok: false, code: 'invalid_input', message: words('save.fields', { label: says, reason: firstReason(fields) }), fields }
      const write = create
        ? () => (backend.create as NonNullable<typeof backend.create>)(values, secrets)
        : () => backend.update(current as AnyItem, values, secrets)
      const secretFields = Object.entries(secrets as Record<string, string | undefined>)
        .filter(([, v]) => v !== undefined && v !== '')
        .map(([k]) => k)
      return await this.written(
        kind,
        {
          before: create ? undefined : current,
          id,
          afterId: newId,
          label,
          operation: create ? 'create' : 'update',
          auditAction,
          secretFields,
          intended: values,
        },
        write,
        actor,
        ctx,
      )
    } catch (err) {
      const failure = err instanceof ApiFailure ? err : new ApiFailure('internal', 'unexpected error')
      if (failure.code === 'internal') throw err
      return {
        ok: false,
        code: outcomeCode(failure.code),
        // A backend call's failure already names the object (in English: `call`'s prefix is the audit's label).
        message: failure.message.startsWith(says)
          ? failure.message
          : failure.message.startsWith(label)
            ? `${says}${failure.message.slice(label.length)}`
            : words('save.failed', { label: says, reason: failure.message }),
      }
    }
  }

  private async validate(
    kind: ConfigKind,
    values: ConfigValuesByKind[ConfigKind],
    secrets: SecretsByKind[ConfigKind],
    ctx: BatchContext,
    operation: 'create' | 'update',
    current: AnyItem | undefined,
  ): Promise<ConfigFieldErrors> {
    const context: ValidationContext = {
      operation,
      ...(await this.call(() => ctx.load())),
      ...(current === undefined ? {} : { current: current.values, hasPin: current.meta.hasPin === true }),
    }
    return validateValues(kind, values, secrets, context)
  }

  /**
   * Runs a write and records what it did: re-read after it either way. A failed write whose
   * object is no longer what it was is half-written: say what state it is in, keep the
   * before-image, offer to restore it.
   */
  private async written(
    kind: ConfigKind,
    w: {
      before: AnyItem | undefined
      id: string
      afterId: string
      label: string
      operation: PendingChange['operation']
      auditAction: string
      secretFields: readonly string[]
      intended?: unknown
    },
    write: () => Promise<void>,
    actor: Actor,
    ctx?: BatchContext,
  ): Promise<ConfigSaveOutcome> {
    const backend = this.kind<ConfigKind>(kind)
    let failure: BackendFailure | undefined
    try {
      await write()
    } catch (err) {
      failure = this.backend().explain(err)
    }
    const after = w.afterId === '' ? undefined : await backend.get(w.afterId).catch(() => undefined)
    const leftover = w.afterId !== w.id && w.before !== undefined ? await backend.get(w.id).catch(() => undefined) : undefined
    const at = new Date((this.d.now ?? Date.now)()).toISOString()
    if (failure !== undefined) {
      const now = after ?? leftover
      const untouched = w.before === undefined ? now === undefined : now !== undefined && versionOf(now.image) === versionOf(w.before.image)
      if (untouched) {
        await this.audit(w.auditAction, w.label, actor, 'error', failure.message, failure.code)
        const refused = words('save.refused', { label: shownLabel(kind, w.label), reason: failure.message })
        return { ok: false, code: failure.code === 'pbx_error' ? 'pbx_error' : outcomeCode(failure.code), message: refused }
      }
      // The pending list and the audit keep the English record; the admin reads it in their language, now and in the tray.
      const halfWritten = halfWrittenState(w.before, now)
      const reason = failure.message
      const said = (t: typeof words, label: string): string => t('half.said', { label, reason, state: t(halfWritten, { label }) })
      const change = this.change(kind, w, at, diffValues(kind, w.before?.values, now?.values, []), {
        state: 'halfWritten',
        note: said(english, w.label),
      })
      const entry: PendingEntry = {
        change,
        kind,
        before: w.before,
        afterId: now === undefined ? undefined : after !== undefined ? w.afterId : w.id,
        shownNote: () => said(words, shownLabel(kind, w.label)),
      }
      this.d.pending.add(this.d.profile().id, entry)
      await this.audit(w.auditAction, w.label, actor, 'error', `half-written: ${english(halfWritten, { label: w.label })} ${reason}`, 'half_written')
      const shown = shownEntry(entry)
      return { ok: false, code: 'half_written', message: shown.note ?? '', change: shown }
    }
    ctx?.afterWrite(kind, w.before?.id, after?.id ?? w.afterId)
    const diff = diffValues(kind, w.before?.values, after?.values ?? w.intended ?? undefined, w.secretFields)
    const change = this.change(kind, w, at, diff, { state: 'written' })
    this.d.pending.add(this.d.profile().id, { change, kind, before: w.before, afterId: w.afterId === '' ? undefined : w.afterId })
    await this.audit(w.auditAction, w.label, actor, 'ok', diffLine(diff) || 'no field changed')
    const shown = shownChange(change)
    return after === undefined ? { ok: true, change: shown } : { ok: true, change: shown, item: this.item(kind, after) }
  }

  /** A pending change of the write `w` (restorable: main keeps its before-image). */
  private change(
    kind: ConfigKind,
    w: { readonly id: string; readonly afterId: string; readonly label: string; readonly operation: PendingChange['operation'] },
    at: string,
    diff: PendingChange['diff'],
    how: { readonly state: PendingChange['state']; readonly note?: string },
  ): PendingChange {
    return {
      id: this.d.pending.nextId(),
      kind,
      objectId: w.afterId || w.id,
      label: w.label,
      operation: w.operation,
      at,
      diff,
      ...how,
      restorable: true,
    }
  }

  async createRange(
    range: { start: string; count: number; template: Omit<ExtensionValues, 'extension'>; secrets?: ExtensionSecrets },
    actor: Actor,
  ): Promise<ConfigSaveResult> {
    const first = Number(range.start)
    const last = first + range.count - 1
    const label = `Extensions ${range.start}–${String(last)}`
    await this.guard('config.write', 'config.createRange', label, actor)
    const ctx = new BatchContext(this.backend())
    const secrets = range.secrets ?? {}
    // Every number is checked first: FreePBX's createRangeofExtension skips a number in use silently.
    const fields: Record<string, string> = {}
    for (let n = first; n <= last && Number.isSafeInteger(first); n++) {
      const values = { ...range.template, extension: String(n), name: rangeName(range.template.name, n) }
      const found = await this.validate('extension', values, secrets, ctx, 'create', undefined)
      for (const [k, v] of Object.entries(found)) fields[k === 'extension' ? 'start' : k] ??= k === 'extension' ? `${String(n)}: ${v}` : v
    }
    if (!/^\d+$/.test(range.start)) fields.start = words('v.digitsOnly')
    if (Object.keys(fields).length > 0) {
      return {
        outcomes: [
          {
            ok: false,
            code: 'invalid_input',
            message: words('save.fields', { label: shownLabel('extension', label), reason: firstReason(fields) }),
            fields,
          },
        ],
        pending: await this.pendingNow(),
      }
    }
    let failure: BackendFailure | undefined
    try {
      await this.backend().createRange(first, range.count, range.template, secrets)
    } catch (err) {
      failure = this.backend().explain(err)
    }
    // Report per extension what is on the PBX now.
    const outcomes: ConfigSaveOutcome[] = []
    const at = new Date((this.d.now ?? Date.now)()).toISOString()
    const backend = this.kind('extension')
    for (let n = first; n <= last; n++) {
      const id = String(n)
      const after = await backend.get(id).catch(() => undefined)
      const itemLabel = objectLabel('extension', id, after?.values.name)
      if (after === undefined) {
        outcomes.push({
          ok: false,
          code: 'pbx_error',
          message:
            failure === undefined
              ? words('range.notCreatedSilent', { label: shownLabel('extension', itemLabel) })
              : words('range.notCreated', { label: shownLabel('extension', itemLabel), reason: failure.message }),
        })
        continue
      }
      const diff = diffValues('extension', undefined, after.values, [])
      const change: PendingChange = {
        id: this.d.pending.nextId(),
        kind: 'extension',
        objectId: id,
        label: itemLabel,
        operation: 'createRange',
        at,
        diff,
        state: 'written',
        restorable: true,
      }
      this.d.pending.add(this.d.profile().id, { change, kind: 'extension', before: undefined, afterId: id })
      outcomes.push({ ok: true, change: shownChange(change), item: this.item('extension', after) })
    }
    const made = outcomes.filter((o) => o.ok).length
    await this.audit(
      'config.createRange',
      label,
      actor,
      made === range.count ? 'ok' : 'error',
      `${String(made)} of ${String(range.count)} created${failure === undefined ? '' : `; ${failure.message}`}`,
    )
    return { outcomes, pending: await this.pendingNow() }
  }

  async remove(kind: ConfigKind, id: string, baseVersion: string, actor: Actor): Promise<PendingChange> {
    const label = objectLabel(kind, id)
    await this.guard('config.write', 'config.remove', label, actor)
    const backend = this.kind<ConfigKind>(kind)
    const remove = backend.remove
    if (remove === undefined) throw new ApiFailure('invalid_input', words('remove.cannot', { label: shownLabel(kind, label) }))
    const current = await this.call(() => backend.get(id), label)
    if (current === undefined) throw new ApiFailure('not_found', words('remove.gone', { label: shownLabel(kind, label) }))
    const named = objectLabel(kind, id, nameOf(current.values))
    if (versionOf(current.image) !== baseVersion) {
      await this.audit('config.remove', named, actor, 'refused', 'changed on the PBX since it was opened', 'conflict')
      const conflict = { kind, id, mine: current.values, theirs: this.item(kind, current) } as ConfigConflictDetail
      throw new ApiFailure('conflict', words('remove.changed', { label: shownLabel(kind, named) }), conflict)
    }
    const outcome = await this.written(
      kind,
      { before: current, id, afterId: '', label: named, operation: 'remove', auditAction: 'config.remove', secretFields: [] },
      () => remove(current),
      actor,
    )
    return this.settle(outcome)
  }

  /** Writes a change's before-image back (or deletes what the change created). */
  async restore(changeId: string, actor: Actor): Promise<PendingChange> {
    const profileId = this.d.profile().id
    const entry = this.d.pending.find(profileId, changeId)
    // Authorised before anything about the change is told.
    await this.guard('config.write', 'config.restore', entry?.change.label ?? changeId, actor)
    if (entry === undefined) throw new ApiFailure('not_found', words('restore.gone'))
    if (entry.change.state === 'restored')
      throw new ApiFailure('conflict', words('restore.done', { label: shownLabel(entry.kind, entry.change.label) }))
    const kind = entry.kind
    const backend = this.kind<ConfigKind>(kind)
    const current = entry.afterId === undefined ? undefined : await this.call(() => backend.get(entry.afterId as string), entry.change.label)
    const before = entry.before
    const write = async (): Promise<void> => {
      if (before !== undefined) await backend.restore(before, current)
      else if (current !== undefined) {
        if (backend.remove === undefined)
          throw new ApiFailure('invalid_input', words('remove.cannot', { label: shownLabel(kind, entry.change.label) }))
        await backend.remove(current)
      }
    }
    const outcome = await this.written(
      kind,
      {
        before: current,
        id: entry.afterId ?? before?.id ?? entry.change.objectId,
        afterId: before?.id ?? '',
        label: entry.change.label,
        operation: 'restore',
        auditAction: 'config.restore',
        secretFields: [],
      },
      write,
      actor,
    )
    const restored = this.settle(outcome)
    markRestored(entry)
    return restored
  }

  /** A new SIP secret, generated here unless typed; answered once, audited as revealed. */
  async rotateSecret(extension: string, baseVersion: string, typed: string | undefined, actor: Actor): Promise<RevealedSecret> {
    const label = objectLabel('extension', extension)
    await this.guard('config.write', 'config.rotateSecret', label, actor)
    if (typed !== undefined) {
      const bad = checkSecret(typed)
      if (bad !== undefined) throw new ApiFailure('invalid_input', words('rotate.bad', { reason: bad }), { fields: { secret: bad } })
    }
    const backend = this.kind('extension')
    const current = await this.call(() => backend.get(extension), label)
    if (current === undefined) throw new ApiFailure('not_found', words('save.notOnPbx', { label: shownLabel('extension', label) }))
    const named = objectLabel('extension', extension, current.values.name)
    if (versionOf(current.image) !== baseVersion) {
      await this.audit('config.rotateSecret', named, actor, 'refused', 'changed on the PBX since it was opened', 'conflict')
      throw new ApiFailure('conflict', words('rotate.changed', { label: shownLabel('extension', named) }), {
        kind: 'extension',
        id: extension,
        mine: current.values,
        theirs: this.item('extension', current),
      } satisfies ConfigConflictDetail)
    }
    const secret = typed ?? generateSecret()
    const outcome = await this.written(
      'extension',
      {
        before: current,
        id: extension,
        afterId: extension,
        label: named,
        operation: 'rotateSecret',
        auditAction: 'config.rotateSecret',
        secretFields: ['secret'],
      },
      () => this.backend().rotateSecret(current, secret),
      actor,
    )
    const change = this.settle(outcome)
    await this.audit(
      'config.secretRevealed',
      named,
      actor,
      'ok',
      `new SIP secret ${typed === undefined ? 'generated' : 'typed by the admin'}, shown once`,
    )
    return { extension, secret, change }
  }

  /** A single write's outcome as the answer of its channel (a failure throws with its words). */
  private settle(outcome: ConfigSaveOutcome): PendingChange {
    if (outcome.ok) return outcome.change
    throw new ApiFailure(
      outcome.code === 'half_written' ? 'pbx_error' : outcome.code,
      outcome.message,
      outcome.change === undefined ? undefined : { change: outcome.change },
    )
  }
}

/** What a batch needs to check its changes, loaded once per batch and kept current by its writes. */
class BatchContext {
  private loaded: Omit<ValidationContext, 'operation' | 'current' | 'hasPin'> | undefined
  private used = new Map<string, NumberUser>()
  private readonly extensions = new Set<string>()
  private readonly routes = new Set<string>()
  /** A write made a new destination (an extension, a ring group): read them again before the next check. */
  private destinationsStale = false

  constructor(private readonly backend: ConfigBackend) {}

  async load(): Promise<Omit<ValidationContext, 'operation' | 'current' | 'hasPin'>> {
    if (this.loaded !== undefined) {
      if (this.destinationsStale) {
        this.loaded = { ...this.loaded, destinations: await this.backend.destinations() }
        this.destinationsStale = false
      }
      return this.loaded
    }
    const k = this.backend.kinds
    // Kinds the application may not read (a scope missing) count as empty; extensions and destinations must be readable.
    const [extensions, groups, queues, routes, destinations] = await Promise.all([
      k.extension.list(),
      k.ringGroup.list().catch(() => []),
      k.queueMembers.list().catch(() => []),
      k.inboundRoute.list().catch(() => []),
      this.backend.destinations(),
    ])
    for (const e of extensions) {
      this.used.set(e.id, { kind: 'extension', name: e.values.name })
      this.extensions.add(e.id)
    }
    for (const g of groups) this.used.set(g.id, { kind: 'ringGroup' })
    for (const q of queues) this.used.set(q.id, { kind: 'queue' })
    for (const r of routes) this.routes.add(r.id)
    this.loaded = { usedNumbers: this.used, extensions: this.extensions, inboundRoutes: this.routes, destinations }
    return this.loaded
  }

  /** A write of this batch changed what exists: later changes of the batch see it. */
  afterWrite(kind: ConfigKind, beforeId: string | undefined, afterId: string): void {
    if (kind === 'extension') {
      this.extensions.add(afterId)
      this.used.set(afterId, { kind: 'extension' })
      this.destinationsStale = true
    } else if (kind === 'ringGroup') {
      this.used.set(afterId, { kind: 'ringGroup' })
      this.destinationsStale = true
    } else if (kind === 'inboundRoute') {
      if (beforeId !== undefined) this.routes.delete(beforeId)
      this.routes.add(afterId)
    }
  }
}

function markRestored(entry: PendingEntry): void {
  entry.change = { ...entry.change, state: 'restored', restorable: false }
}

function nameOf(values: unknown): string | undefined {
  const v = values as { name?: unknown; description?: unknown }
  return typeof v.name === 'string' ? v.name : typeof v.description === 'string' ? v.description : undefined
}

function identityField(kind: ConfigKind): string {
  return { extension: 'extension', ringGroup: 'group', inboundRoute: 'did', voicemail: 'extension', queueMembers: 'queue' }[kind]
}

function idHint(c: ConfigChangeInput): string {
  const v = c.values as Record<string, unknown>
  if (c.kind === 'inboundRoute') return `${String(v.did)}/${String(v.cid)}`
  return String(v[identityField(c.kind)])
}

type FailureCode = Exclude<ConfigSaveOutcome, { ok: true }>['code']

function outcomeCode(code: string): FailureCode {
  const known: readonly FailureCode[] = ['invalid_input', 'conflict', 'not_found', 'pbx_error', 'forbidden', 'unavailable', 'timeout']
  if (code === 'auth_failed') return 'forbidden'
  return (known as readonly string[]).includes(code) ? (code as FailureCode) : 'pbx_error'
}

/** The first field's refusal, for the sentence that names the object. */
function firstReason(fields: Readonly<Record<string, string>>): string {
  return Object.values(fields)[0] ?? words('save.checkFields')
}

/** Exactly what state a half-written object is in: the key of its words. */
function halfWrittenState(before: AnyItem | undefined, now: AnyItem | undefined): 'half.created' | 'half.gone' | 'half.changed' {
  if (before === undefined) return 'half.created'
  if (now === undefined) return 'half.gone'
  return 'half.changed'
}

/** A pending change as the window shows it: its kind and fields in the admin's language, a half-written note too. */
function shownEntry(entry: PendingEntry): PendingChange {
  return shownChange(entry.shownNote === undefined ? entry.change : { ...entry.change, note: entry.shownNote() })
}

export { EXTENSION_UPDATE_WARNINGS }
