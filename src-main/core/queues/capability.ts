import { directoryCapability } from '../directory/capability'
import { defineCapability } from '../runtime/capability'
import { QueueActions } from './queue-actions'

/** The queue actions of one runtime: members are known only from the live state (never named freely). */
export const queuesCapability = defineCapability(
  (d) =>
    new QueueActions({
      profile: d.profile,
      ami: d.ami,
      audit: d.audit,
      dialBudget: d.dialBudget,
      settler: d.settler,
      liveModel: d.liveModel,
      isMember: (queue, iface) => d.liveModel()?.queues[queue]?.members[iface] !== undefined,
      memberName: (queue, iface) => d.liveModel()?.queues[queue]?.members[iface]?.name,
      names: (extension) => d.use(directoryCapability).nameOf(extension),
    }),
)
