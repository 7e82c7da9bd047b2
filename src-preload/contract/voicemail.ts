import type { ActionDone } from '../types/actions'
import {
  voicemailListenInputSchema,
  voicemailMessagesInputSchema,
  voicemailWatchInputSchema,
  type VoicemailMessages,
  type VoicemailState,
} from '../types/voicemail'
import { channel, returns, type DomainSpec } from './spec'
import type { voicemailChannelNames } from './voicemail.names'

export const voicemailContract = {
  invoke: {
    /** The mailboxes and their counts now, then `voicemail.changed` to this window whenever they change. */
    'voicemail.watch': channel(voicemailWatchInputSchema, returns<VoicemailState>()),
    /** Rings the seat's own phone into VoiceMailMain for the mailbox (one this seat may reach). */
    'voicemail.listen': channel(voicemailListenInputSchema, returns<ActionDone>()),
    /** The messages of a mailbox (VoicemailBoxSummary): who left them, when, how long. */
    'voicemail.messages': channel(voicemailMessagesInputSchema, returns<VoicemailMessages>()),
  },
  events: {
    'voicemail.changed': returns<VoicemailState>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof voicemailChannelNames>
