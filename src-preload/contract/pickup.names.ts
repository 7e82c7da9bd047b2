/** Directed pickup: the operator takes a call ringing at another extension to their own phone. */
export const pickupChannelNames = {
  invoke: ['pickup.directed'],
  events: [],
  notify: [],
} as const
