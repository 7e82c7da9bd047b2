/** Voicemail: the mailboxes' counts (MWI), listening by phone, a mailbox's messages. */
export const voicemailChannelNames = {
  invoke: ['voicemail.watch', 'voicemail.listen', 'voicemail.messages'],
  events: ['voicemail.changed'],
  notify: [],
} as const
