import type { pickupChannelNames } from '../../../src-preload/contract/pickup.names'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { pickupCapability } from './capability'
import { PICKUP_POLICIES } from './policy'

type PickupChannel = InvokeChannelsOf<typeof pickupChannelNames>

export interface PickupServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
}

/** Directed pickup: the operator takes a call ringing at another extension to their own phone. */
export const pickupSlice = {
  policies: PICKUP_POLICIES,
  handlers: (s: PickupServices): HandlersOf<PickupChannel> => ({
    'pickup.directed': ({ profileId, extension }, ctx) => s.runtimes.get(profileId).use(pickupCapability).pickUp(extension, ctx),
  }),
} satisfies Slice<PickupServices, PickupChannel>
