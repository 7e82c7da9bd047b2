import { defineCapability } from '../runtime/capability'
import { PresenceService } from './presence-service'

/** Presence and day/night of one runtime: read and followed from the first window that asks, until the runtime stops. */
export const presenceCapability = defineCapability(
  (d) =>
    new PresenceService({
      profile: d.profile,
      ami: d.ami,
      amiList: d.amiList,
      onAmiEvent: d.onAmiEvent,
      onAmiReady: d.onAmiReady,
      amiReady: d.amiReady,
      liveModel: d.liveModel,
      audit: d.audit,
      dialBudget: d.dialBudget,
    }),
)
