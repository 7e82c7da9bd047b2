import { callerIdKeys } from '../../../src-preload/types/phone-number'
import type {
  ColumnTarget,
  Contact,
  ContactPage,
  ImportPreview,
  ImportResult,
  PhonebookChanged,
  PhonebookMatch,
} from '../../../src-preload/types/phonebook'
import type { PbxProfile } from '../../../src-preload/types/profile'
import { seatLabel, type AuditLog, type SeatContext } from '../audit'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import type { WritableContactSource } from './contact-source'
import { readCsv } from './csv-import'
import type { ParsedFile } from './import-types'
import { PHONEBOOK_POLICIES, type PhonebookAction } from './policy'
import { checkFile, duplicateKey, toRecord, type CheckedContact, type CheckedFile } from './records'
import type { ImportStaging, StagedFile } from './staging'
import { readVcard } from './vcard'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface PhonebookServiceDeps {
  /** The local store, opened on first use. */
  readonly source: () => WritableContactSource
  /** The seat: its role and read-only flag decide, its dial plan keys numbers. */
  readonly profiles: { get(id: string): Promise<PbxProfile> }
  readonly audit: AuditLog
  /** To every window: what changed. */
  readonly publish: (change: PhonebookChanged) => void
  readonly staging: ImportStaging
}

const SAMPLE = 20
/** The preview lists this many problems of each kind (the counts say how many there are). */
const LISTED_PROBLEMS = 200

/**
 * The phonebook's use cases behind the contract: each authorises the seat (refusals audited),
 * keys numbers under the seat's dial plan, and audits every write with the seat and what it
 * concerned. Main is the only writer; windows learn of changes from `phonebook.changed`.
 */
export class PhonebookService {
  constructor(private readonly d: PhonebookServiceDeps) {}

  // ------------------------------------------------------------------ seat, guard, audit

  private async seat(profileId: string, action: PhonebookAction, audited: string, target: string, ctx: SeatContext): Promise<PbxProfile> {
    const profile = await this.d.profiles.get(profileId)
    const auth = authorizeIn(PHONEBOOK_POLICIES, action, profile)
    if (auth.ok) return profile
    await this.d.audit.append({
      ...auditBase(profile, audited, target, ctx),
      result: 'refused',
      errorCode: 'forbidden',
      rule: auth.rule,
      detail: auth.reason,
    })
    throw new ApiFailure('forbidden', auth.rule === 'read_only' ? t('readOnly') : t('seatRefused', { reason: auth.reason }), { rule: auth.rule })
  }

  private async audited(
    profile: PbxProfile,
    action: string,
    target: string,
    ctx: SeatContext,
    result: 'ok' | 'error' | 'refused',
    detail: string,
    errorCode?: string,
  ): Promise<void> {
    await this.d.audit.append({ ...auditBase(profile, action, target, ctx), result, detail, ...(errorCode === undefined ? {} : { errorCode }) })
  }

  // ------------------------------------------------------------------ reads

  async page(profileId: string, after: string | null, limit: number, ctx: SeatContext): Promise<ContactPage> {
    const profile = await this.seat(profileId, 'phonebook.read', 'phonebook.read', '', ctx)
    const { country, nationalPrefix, internationalPrefix } = profile.dialPlan
    return { ...(await this.d.source().page(after, limit)), plan: { country, nationalPrefix, internationalPrefix } }
  }

  async search(profileId: string, query: string, limit: number, ctx: SeatContext): Promise<readonly Contact[]> {
    await this.seat(profileId, 'phonebook.read', 'phonebook.read', query, ctx)
    return this.d.source().search(query, limit)
  }

  async get(profileId: string, id: string, ctx: SeatContext): Promise<Contact> {
    await this.seat(profileId, 'phonebook.read', 'phonebook.read', id, ctx)
    const contact = await this.d.source().get(id)
    if (contact === undefined) throw new ApiFailure('not_found', t('contactGone'))
    return contact
  }

  /** The contact a caller ID belongs to under the seat's dial plan (the first stored, when several share it). */
  async lookup(profileId: string, number: string, ctx: SeatContext): Promise<PhonebookMatch | null> {
    const profile = await this.seat(profileId, 'phonebook.read', 'phonebook.read', number, ctx)
    for (const key of callerIdKeys(number, profile.dialPlan)) {
      const [contact] = await this.d.source().lookup(key)
      const matched = contact?.numbers.find((n) => n.key === key)
      if (contact !== undefined && matched !== undefined) return { contact, number: matched }
    }
    return null
  }

  // ------------------------------------------------------------------ writes

  async save(profileId: string, id: string | undefined, input: CheckedContact, ctx: SeatContext): Promise<Contact> {
    const action = id === undefined ? 'phonebook.add' : 'phonebook.update'
    const label = contactLabel(input)
    const profile = await this.seat(profileId, 'phonebook.write', action, label, ctx)
    const record = toRecord(input, profile.dialPlan)
    const unread = record.numbers.filter((n) => n.key === '').map((n) => n.number)
    if (unread.length > 0) {
      await this.audited(profile, action, label, ctx, 'refused', `not a phone number: ${unread.join(', ')}`, 'invalid_input')
      throw new ApiFailure('invalid_input', t('notANumber', { number: unread[0] ?? '' }), {
        fields: { numbers: 'not a phone number' },
      })
    }
    const saved = await this.d.source().save(id, record)
    if (saved === undefined) {
      await this.audited(profile, action, label, ctx, 'error', 'the contact was removed meanwhile', 'not_found')
      throw new ApiFailure('not_found', t('removedMeanwhile'))
    }
    await this.audited(profile, action, label, ctx, 'ok', `${String(saved.numbers.length)} number(s)`)
    this.d.publish({ revision: this.d.source().revision, reset: false, upserted: [saved], removed: [] })
    return saved
  }

  async remove(profileId: string, id: string, ctx: SeatContext): Promise<null> {
    const existing = await this.d.source().get(id)
    const label = existing === undefined ? `contact ${id}` : contactLabel(existing)
    const profile = await this.seat(profileId, 'phonebook.write', 'phonebook.remove', label, ctx)
    const removed = await this.d.source().remove(id)
    if (!removed) {
      await this.audited(profile, 'phonebook.remove', label, ctx, 'error', 'no such contact', 'not_found')
      throw new ApiFailure('not_found', t('contactGone'))
    }
    await this.audited(profile, 'phonebook.remove', label, ctx, 'ok', existing === undefined ? '' : `${String(existing.numbers.length)} number(s)`)
    this.d.publish({ revision: this.d.source().revision, reset: false, upserted: [], removed: [id] })
    return null
  }

  // ------------------------------------------------------------------ import

  async stage(
    input: { profileId: string; importId?: string | undefined; format: 'csv' | 'vcard'; fileName: string; text: string; part: number; last: boolean },
    ctx: SeatContext,
  ): Promise<{ importId: string; preview: ImportPreview | null }> {
    const profile = await this.seat(input.profileId, 'phonebook.write', 'phonebook.import', input.fileName, ctx)
    const file = this.d.staging.add(ctx.clientId, input)
    if (!file.complete) return { importId: file.id, preview: null }
    return { importId: file.id, preview: await this.previewOf(file, profile) }
  }

  async preview(profileId: string, importId: string, mapping: readonly ColumnTarget[] | undefined, ctx: SeatContext): Promise<ImportPreview> {
    const file = this.d.staging.get(ctx.clientId, importId)
    const profile = await this.seat(profileId, 'phonebook.write', 'phonebook.import', file.fileName, ctx)
    return this.previewOf(this.complete(file), profile, mapping)
  }

  async commit(profileId: string, importId: string, mapping: readonly ColumnTarget[] | undefined, ctx: SeatContext): Promise<ImportResult> {
    const file = this.complete(this.d.staging.get(ctx.clientId, importId))
    const profile = await this.seat(profileId, 'phonebook.write', 'phonebook.import', file.fileName, ctx)
    const { checked } = this.read(file, profile, mapping)
    const fresh = await this.withoutDuplicates(checked)
    let added: number
    try {
      added = await this.d.source().addMany(fresh.map((r) => r.record))
    } catch (err) {
      await this.audited(
        profile,
        'phonebook.import',
        file.fileName,
        ctx,
        'error',
        err instanceof Error ? err.message : 'the phonebook file could not be written',
      )
      throw new ApiFailure('internal', t('writeFailed'))
    }
    this.d.staging.drop(file.id)
    const result: ImportResult = {
      added,
      duplicates: checked.ready.length - fresh.length,
      errors: checked.errors.length,
      total: checked.ready.length + checked.errors.length,
    }
    await this.audited(
      profile,
      'phonebook.import',
      file.fileName,
      ctx,
      'ok',
      `${file.format === 'csv' ? 'CSV' : 'vCard'}: ${String(result.added)} added, ${String(result.duplicates)} already there, ${String(result.errors)} not importable`,
    )
    if (added > 0) this.d.publish({ revision: this.d.source().revision, reset: true, upserted: [], removed: [] })
    return result
  }

  async discard(profileId: string, importId: string, ctx: SeatContext): Promise<null> {
    await this.seat(profileId, 'phonebook.read', 'phonebook.read', '', ctx)
    try {
      this.d.staging.get(ctx.clientId, importId)
      this.d.staging.drop(importId)
    } catch {
      // Already gone: discarding it again is no error.
    }
    return null
  }

  private complete(file: StagedFile): StagedFile {
    if (!file.complete) throw new ApiFailure('conflict', t('notSentInFull'))
    return file
  }

  private read(file: StagedFile, profile: PbxProfile, mapping?: readonly ColumnTarget[]): { parsed: ParsedFile; checked: CheckedFile } {
    const text = this.d.staging.text(file)
    const parsed = file.format === 'csv' ? readCsv(text, mapping) : readVcard(text)
    return { parsed, checked: checkFile(parsed, profile.dialPlan) }
  }

  /** Records neither in the phonebook already nor earlier in the same file (same name, company and numbers). */
  private async withoutDuplicates(checked: CheckedFile): Promise<CheckedFile['ready']> {
    const seen = new Set<string>()
    const source = this.d.source()
    const fresh: CheckedFile['ready'][number][] = []
    for (const r of checked.ready) {
      const key = duplicateKey(r.record)
      if (seen.has(key)) continue
      seen.add(key)
      if (await source.has(r.record)) continue
      fresh.push(r)
    }
    return fresh
  }

  private async previewOf(file: StagedFile, profile: PbxProfile, mapping?: readonly ColumnTarget[]): Promise<ImportPreview> {
    const { parsed, checked } = this.read(file, profile, mapping)
    const fresh = await this.withoutDuplicates(checked)
    if (parsed.records.length === 0 && parsed.unreadable.length === 0) {
      throw new ApiFailure('invalid_input', file.format === 'csv' ? t('noContactsCsv') : t('noContactsVcard'))
    }
    return {
      importId: file.id,
      format: file.format,
      fileName: file.fileName,
      columns: parsed.columns,
      ready: checked.ready.length,
      duplicates: checked.ready.length - fresh.length,
      sample: checked.ready.slice(0, SAMPLE).map((r) => r.input),
      warnings: checked.warnings.slice(0, LISTED_PROBLEMS),
      errors: checked.errors.slice(0, LISTED_PROBLEMS),
      warningCount: checked.warnings.length,
      errorCount: checked.errors.length,
    }
  }
}

function auditBase(profile: PbxProfile, action: string, target: string, ctx: SeatContext) {
  return { profileId: profile.id, role: profile.operator.role, action, target, operator: profile.operator.ownExtension, seat: seatLabel(ctx) }
}

/** How the audit names a contact: its name and company. */
function contactLabel(c: { name: string; company: string }): string {
  return [c.name, c.company].filter((p) => p !== '').join(', ')
}
