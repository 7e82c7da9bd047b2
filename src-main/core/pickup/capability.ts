import { directoryCapability } from '../directory/capability'
import { defineCapability } from '../runtime/capability'
import { DirectedPickup } from './directed-pickup'

/** Directed pickup on one runtime: the ringing extension is judged from the live state only. */
export const pickupCapability = defineCapability(
  (d) =>
    new DirectedPickup({
      profile: d.profile,
      ami: d.ami,
      audit: d.audit,
      dialBudget: d.dialBudget,
      settler: d.settler,
      liveModel: d.liveModel,
      names: (extension) => d.use(directoryCapability).nameOf(extension),
    }),
)
