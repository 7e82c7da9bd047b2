/**
 * Calls: the operator's actions on live calls. `actions.settled` tells the window that acted how an
 * action whose answer was lost turned out (queue actions use it too).
 */
export const callsChannelNames = {
  invoke: ['calls.hangup', 'calls.transfer', 'calls.transferComplete', 'calls.transferCancel', 'calls.originate', 'calls.park', 'calls.pickup'],
  events: ['actions.settled'],
  notify: [],
} as const
