import type { Feature } from '../feature'
import { CallsView } from './CallsView'

/** The receptionist console: live calls, the call card, the lamps, parked calls, the dial box. */
export const callsFeature: Feature = {
  id: 'calls',
  nav: { label: 'Calls', altKey: '1' },
  View: CallsView,
  // CallsView binds the add-ons' keys on the selected call (directed pickup's G, supervision's L …).
  hostsCallKeys: true,
  // CallsView binds these keys (its keyboard map); the help lists them in this order.
  shortcuts: [
    { keys: '/', does: 'Search calls' },
    { keys: 'D', does: 'Focus the dial box (Enter dials)' },
    { keys: '↑ / ↓', does: 'Select the previous / next call' },
    { keys: 'Home / End', does: 'Select the first / last call' },
    { keys: 'Enter', does: 'Select the suggested call (the longest ringing)' },
    { keys: 'H', does: 'Hang up the selected call' },
    { keys: 'T', does: 'Blind transfer the selected call' },
    { keys: 'A', does: 'Attended transfer (from your own phone)' },
    { keys: 'C / X', does: 'Complete / cancel an attended transfer' },
    { keys: 'P', does: 'Park the selected call' },
    { keys: 'U', does: 'Pick up the selected (else the longest) parked call at your phone' },
    { keys: 'V', does: 'Send the selected call to voicemail' },
    { keys: '[ / ]', does: 'Show the previous / next lamp group (All, then your groups)' },
    { keys: 'Arrows (on a lamp)', does: 'Move between lamps; a click or Space selects one' },
    { keys: 'Enter (on a lamp)', does: 'Call the lamp’s extension (double-click too)' },
    { keys: 'Menu key / Shift+F10', does: 'The lamp’s menu: call, transfer or send the selected call there, groups' },
    { keys: '?', does: 'This help' },
    { keys: 'Esc', does: 'Close a dialog, else clear the selection' },
  ],
  actionWords: {
    'call.hangup': 'Hang-up',
    'call.transfer.blind': 'Transfer',
    'call.transfer.voicemail': 'Voicemail transfer',
    'call.transfer.attended': 'Attended transfer',
    'call.transfer.complete': 'Completing the transfer',
    'call.transfer.cancel': 'Cancelling the transfer',
    'call.originate': 'Call',
    'call.park': 'Park',
    'call.pickup': 'Pick-up',
  },
}
