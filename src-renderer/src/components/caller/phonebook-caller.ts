import type { PhonebookMatch } from '../../../../src-preload/types/phonebook'
import { cleanCid, partyLabel } from '../../live/format'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** How a caller is shown: the PBX's caller ID, and what the phonebook adds to it. */
export interface CallerView {
  readonly primary: string
  readonly secondary: string
  /** "Fischer GmbH · work · from phonebook" when the phonebook knows the number; '' otherwise. */
  readonly note: string
  /** The name shown came from the phonebook, not the caller ID. */
  readonly named: boolean
}

/**
 * A caller ID with the phonebook's match: a caller without a name is named by the contact (its
 * company beside it); a caller whose caller ID carries a name keeps it, and the contact is only
 * noted. Always marked "from phonebook", so nobody takes it for what the PBX said.
 */
export function callerView(caller: { name: string; number: string }, match: PhonebookMatch | undefined): CallerView {
  const base = partyLabel(caller)
  if (match === undefined) return { ...base, note: '', named: false }
  const { contact, number } = match
  const label = number.label === '' ? '' : ` · ${number.label}`
  if (cleanCid(caller.name) === '' || cleanCid(caller.name) === cleanCid(caller.number)) {
    const name = contact.name || contact.company
    const company = contact.name !== '' && contact.company !== '' ? `${contact.company}${label} · ` : label === '' ? '' : `${number.label} · `
    return { primary: name, secondary: cleanCid(caller.number), note: `${company}${t('fromPhonebook')}`, named: true }
  }
  const who = [contact.name, contact.company].filter((p) => p !== '').join(', ')
  return { ...base, note: `${who}${label} · ${t('fromPhonebook')}`, named: false }
}
