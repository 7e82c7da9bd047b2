import type { voicemailChannelNames } from '../../../src-preload/contract/voicemail.names'
import type { EventBus } from '../events/bus'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { voicemailCapability } from './capability'
import { VOICEMAIL_POLICIES } from './policy'

type VoicemailChannel = InvokeChannelsOf<typeof voicemailChannelNames>

export interface VoicemailServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** `voicemail.changed` goes to the windows that watch. */
  readonly bus: Pick<EventBus, 'sendTo' | 'onClientClose'>
}

/** Mailbox counts (MWI), listening by phone (VoiceMailMain) and a mailbox's messages. */
export const voicemailSlice = {
  policies: VOICEMAIL_POLICIES,
  handlers: (s: VoicemailServices): HandlersOf<VoicemailChannel> => ({
    'voicemail.watch': ({ profileId }, ctx) => {
      const voicemail = s.runtimes.get(profileId).use(voicemailCapability)
      const state = voicemail.watch(ctx.clientId, (next) => {
        s.bus.sendTo(ctx.clientId, 'voicemail.changed', next)
      })
      s.bus.onClientClose(ctx.clientId, () => {
        voicemail.unwatch(ctx.clientId)
      })
      return state
    },
    'voicemail.listen': ({ profileId, mailbox }, ctx) => s.runtimes.get(profileId).use(voicemailCapability).listen(mailbox, ctx),
    'voicemail.messages': ({ profileId, mailbox }, ctx) => s.runtimes.get(profileId).use(voicemailCapability).messages(mailbox, ctx),
  }),
} satisfies Slice<VoicemailServices, VoicemailChannel>
