import type { z } from 'zod'
import { numberKey, phoneDigits, type NumberPlan } from '../../../src-preload/types/phone-number'
import { CONTACT_LIMITS, contactInputSchema, type ImportRowProblem } from '../../../src-preload/types/phonebook'
import type { ContactRecord } from './contact-source'
import type { ParsedFile } from './import-types'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** A contact as the contract's schema answers it (trimmed, checked). */
export type CheckedContact = z.output<typeof contactInputSchema>

/** Lower case without accents: how duplicates are recognised and short queries matched. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Contacts with the same name, company and numbers are one contact (an import skips the second). */
export function duplicateKey(r: Pick<ContactRecord, 'name' | 'company' | 'numbers'>): string {
  const keys = r.numbers.map((n) => n.key || fold(n.number)).sort()
  return [fold(r.name.trim()), fold(r.company.trim()), ...keys].join('\u0001')
}

/** A checked contact as the store keeps it: each number keyed under the seat's dial plan. */
export function toRecord(input: CheckedContact, plan: NumberPlan): ContactRecord {
  const numbers = input.numbers.map((n) => ({ label: n.label, number: n.number, key: numberKey(n.number, plan) ?? '' }))
  const searchTerms: string[] = []
  for (const n of numbers) {
    const digits = phoneDigits(n.number)?.digits
    if (digits !== undefined) searchTerms.push(digits)
    // The national form ("030…") of an international one ("+49 30…"), so either spelling finds it.
    const home = `+${plan.country}`
    if (n.key.startsWith(home)) searchTerms.push(plan.nationalPrefix + n.key.slice(home.length))
  }
  return { name: input.name, company: input.company, numbers, notes: input.notes, searchTerms }
}

export interface CheckedRecord {
  readonly line: number
  readonly input: CheckedContact
  readonly record: ContactRecord
}

export interface CheckedFile {
  readonly ready: readonly CheckedRecord[]
  readonly warnings: readonly ImportRowProblem[]
  readonly errors: readonly ImportRowProblem[]
}

const oneLine = (s: string): string => s.replace(/[\t\r\n]+/g, ' ').trim()

/**
 * Each record of a file checked as the editor's contacts are (the contract's schema: lengths,
 * control characters, hidden direction marks). Nothing is dropped silently: a number that is no
 * phone number, or one past the 20th, goes to the notes with a warning; a record the schema
 * refuses is an error that carries its text.
 */
export function checkFile(file: ParsedFile, plan: NumberPlan): CheckedFile {
  const ready: CheckedRecord[] = []
  const warnings: ImportRowProblem[] = []
  const errors: ImportRowProblem[] = file.unreadable.map((u) => ({ line: u.line, message: u.message, raw: u.raw }))
  for (const rec of file.records) {
    const notes: string[] = rec.draft.notes === '' ? [] : [rec.draft.notes]
    const kept: { label: string; number: string }[] = []
    const warned: string[] = [...rec.warnings]
    for (const n of rec.draft.numbers) {
      const label = oneLine(n.label).slice(0, CONTACT_LIMITS.label)
      const number = oneLine(n.number)
      if (phoneDigits(number) === undefined || number.length > CONTACT_LIMITS.number) {
        notes.push(`${label === '' ? 'number' : label}: ${number}`)
        warned.push(t('rowNotANumber', { number: number.slice(0, 40) }))
      } else if (kept.length >= CONTACT_LIMITS.numbers) {
        notes.push(`${label === '' ? 'number' : label}: ${number}`)
        warned.push(t('rowTooManyNumbers', { max: CONTACT_LIMITS.numbers }))
      } else kept.push({ label, number })
    }
    const draft = { name: oneLine(rec.draft.name), company: oneLine(rec.draft.company), numbers: kept, notes: notes.join('\n') }
    const parsed = contactInputSchema.safeParse(draft)
    if (!parsed.success) {
      const message = parsed.error.issues
        .slice(0, 3)
        .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
        .join('; ')
      errors.push({ line: rec.line, message: describe(message), raw: rec.raw })
      continue
    }
    if (warned.length > 0) warnings.push({ line: rec.line, message: [...new Set(warned)].join('; '), raw: rec.raw })
    ready.push({ line: rec.line, input: parsed.data, record: toRecord(parsed.data, plan) })
  }
  errors.sort((a, b) => a.line - b.line)
  return { ready, warnings, errors }
}

/** Schema words as an operator reads them. */
function describe(message: string): string {
  return message.includes('a contact needs a name or a company') ? t('rowNoName') : message
}
