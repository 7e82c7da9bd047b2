import type { AddOn, Feature } from '../feature'
import { VoicemailHost } from './VoicemailHost'
import { VoicemailView } from './VoicemailView'

/** Voicemail: every mailbox's counts, listening by phone, a mailbox's messages. */
export const voicemailFeature: Feature = {
  id: 'voicemail',
  nav: { label: 'Voicemail', altKey: '0' },
  View: VoicemailView,
  shortcuts: [
    { keys: '/', does: 'Search mailboxes by name or number' },
    { keys: 'N', does: 'Only mailboxes with new messages (again: all)' },
    { keys: '↑ / ↓ / Home / End', does: 'Select a mailbox' },
    { keys: 'L / Enter', does: 'Ring your phone into the selected mailbox (VoiceMailMain)' },
    { keys: 'M', does: 'Show or hide the selected mailbox’s messages' },
    { keys: 'Esc', does: 'Close the messages, then clear the selection' },
  ],
  actionWords: {
    'voicemail.listen': 'Listen to voicemail',
  },
}

/** Keeps the mailboxes' counts on every screen: the lamps show "2 new". */
export const voicemailAddOn: AddOn = {
  id: 'voicemail-counts',
  label: 'Voicemail',
  Host: VoicemailHost,
}
