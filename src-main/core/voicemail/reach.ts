import { say } from '../i18n'
import { voicemailAccessOf, type PbxProfile } from '../profiles/schema'
import { strings } from './strings'

const t = say(strings)

/**
 * Whether this seat reaches a mailbox (listens to it by phone, sees its messages). Supervisors and
 * admins reach every mailbox; a receptionist their own extension's and the ones the profile names
 * (sealed, like the supervision scope: naming more widens what the seat hears).
 */
export function reaches(profile: PbxProfile, mailbox: string): boolean {
  if (profile.operator.role !== 'receptionist') return true
  return mailbox === profile.operator.ownExtension || voicemailAccessOf(profile).mailboxes.includes(mailbox)
}

/** The refusal's words for a mailbox out of reach. */
export function outOfReachText(profile: PbxProfile): string {
  const named = voicemailAccessOf(profile).mailboxes
  const yours = [profile.operator.ownExtension, ...named.slice(0, 5)].join(', ')
  return t(named.length > 5 ? 'outOfReachMore' : 'outOfReach', { yours })
}
