import { z } from 'zod'
import type { ActionDone } from '../types/actions'
import { profileIdSchema } from '../types/profile-id'
import type { pickupChannelNames } from './pickup.names'
import { channel, returns, type DomainSpec } from './spec'
import { refusal } from '../types/input-words'

/**
 * The extension whose ringing call the operator takes: digits only, as the lamps and the call list
 * show it. Main acts only when it is a known extension of the PBX that is ringing now, so nothing
 * typed freely ever reaches the PBX.
 */
export const directedPickupInputSchema = z.strictObject({
  profileId: profileIdSchema,
  extension: z.string().regex(/^[0-9]{1,10}$/, refusal('extension')),
})

export const pickupContract = {
  invoke: {
    'pickup.directed': channel(directedPickupInputSchema, returns<ActionDone>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof pickupChannelNames>
