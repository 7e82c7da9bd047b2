import { directoryCapability } from '../directory/capability'
import { defineCapability } from '../runtime/capability'
import { CallActions } from './call-actions'

/** The call actions of one runtime; hang-up falls back to ARI while AMI is down, when ARI is set up. */
export const callsCapability = defineCapability((d) => {
  const ariHangup = d.ariHangup
  return new CallActions({
    profile: d.profile,
    ami: d.ami,
    live: d.live,
    audit: d.audit,
    dialBudget: d.dialBudget,
    settler: d.settler,
    names: (extension) => d.use(directoryCapability).nameOf(extension),
    ...(ariHangup === undefined ? {} : { fallback: { amiReady: d.amiReady, ariHangup } }),
  })
})
