import { voicemailAccessSchema, type Role } from '../../../../src-preload/types/profile'
import { tr } from '../../i18n'
import { strings } from './strings'
import { checkedList } from './supervision-scope'

const t = tr(strings)

/** Mailbox numbers (digits) as main's profile schema takes them, duplicates dropped. */
export const mailboxList = checkedList(voicemailAccessSchema.shape.mailboxes, (item) => t('list.notMailbox', { item }))

/**
 * What the named mailboxes let this seat reach, in words, for the role it has now (the rule main
 * applies in core/voicemail/reach.ts): a receptionist its own mailbox and the ones named,
 * supervisors and admins every mailbox whatever is named.
 */
export function mailboxesMeaning(role: Role, ownExtension: string, mailboxes: readonly string[]): string {
  if (role !== 'receptionist') return role === 'admin' ? t('voicemail.everyAdmin') : t('voicemail.everySupervisor')
  const others = mailboxes.filter((m) => m !== ownExtension)
  if (others.length === 0) return ownExtension === '' ? t('voicemail.onlyOwnNoExtension') : t('voicemail.onlyOwn', { extension: ownExtension })
  const words = { count: others.length, list: others.join(', '), extension: ownExtension }
  return ownExtension === '' ? t('voicemail.ownNoExtensionAndOthers', words) : t('voicemail.ownAndOthers', words)
}
