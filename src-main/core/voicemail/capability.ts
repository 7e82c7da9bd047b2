import { defineCapability } from '../runtime/capability'
import { Voicemail } from './voicemail'

/** The voicemail of one runtime: it follows the mailboxes from the runtime's AMI events. */
export const voicemailCapability = defineCapability(
  (d) =>
    new Voicemail({
      profile: d.profile,
      ami: d.ami,
      audit: d.audit,
      dialBudget: d.dialBudget,
      settler: d.settler,
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      amiList: d.amiList,
    }),
)
