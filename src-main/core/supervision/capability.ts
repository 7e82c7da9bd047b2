import { defineCapability } from '../runtime/capability'
import { Supervision } from './supervision'

/** Listening in and recording on one runtime: it follows ChanSpy and MixMonitor from the runtime's AMI events. */
export const supervisionCapability = defineCapability(
  (d) =>
    new Supervision({
      profile: d.profile,
      ami: d.ami,
      audit: d.audit,
      dialBudget: d.dialBudget,
      settler: d.settler,
      live: d.live,
      liveModel: d.liveModel,
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      amiList: d.amiList,
    }),
)
