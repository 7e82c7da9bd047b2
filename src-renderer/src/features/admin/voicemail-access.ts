import { voicemailAccessSchema, type Role } from '../../../../src-preload/types/profile'
import { checkedList } from './supervision-scope'

/** Mailbox numbers (digits) as main's profile schema takes them, duplicates dropped. */
export const mailboxList = checkedList(voicemailAccessSchema.shape.mailboxes, 'a mailbox (1 to 15 digits)')

/**
 * What the named mailboxes let this seat reach, in words, for the role it has now (the rule main
 * applies in core/voicemail/reach.ts): a receptionist its own mailbox and the ones named,
 * supervisors and admins every mailbox whatever is named.
 */
export function mailboxesMeaning(role: Role, ownExtension: string, mailboxes: readonly string[]): string {
  if (role !== 'receptionist')
    return `As ${role === 'admin' ? 'an admin' : 'a supervisor'}, this seat reaches every mailbox: the ones named here apply once the role is Receptionist.`
  const own = ownExtension === '' ? 'its own extension’s mailbox' : `its own mailbox (${ownExtension})`
  const others = mailboxes.filter((m) => m !== ownExtension)
  if (others.length === 0) return `Nothing named: this seat reaches only ${own}.`
  return `This seat reaches ${own} and ${others.length === 1 ? 'mailbox' : 'mailboxes'} ${others.join(', ')}.`
}
