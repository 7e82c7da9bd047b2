import type { PolicyTable } from '../guard'

/**
 * Voicemail: every seat may listen to a mailbox it reaches (its own, the ones its profile names;
 * supervisors and admins every one) and see its messages. Listening rings the seat's phone, so a
 * read-only profile may not; the list of messages only reads.
 */
export const VOICEMAIL_POLICIES = {
  'voicemail.listen': { minRole: 'receptionist', write: true },
  'voicemail.messages': { minRole: 'receptionist', write: false },
} as const satisfies PolicyTable

export type VoicemailAction = keyof typeof VOICEMAIL_POLICIES
