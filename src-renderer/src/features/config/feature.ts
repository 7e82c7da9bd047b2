import type { Feature } from '../feature'
import { ConfigView } from './ConfigView'

/** Admin → Configuration: the PBX's extensions, ring groups, inbound routes, voicemail and queue members, and Apply. */
export const configFeature: Feature = {
  id: 'config',
  nav: { label: 'Configuration', altKey: '5' },
  View: ConfigView,
  // ConfigView binds these keys; the help lists them in this order.
  shortcuts: [
    { keys: '/', does: 'Search the list' },
    { keys: '↓ / ↑', does: 'Into the list, then the next / previous row' },
    { keys: 'Enter', does: 'Open the row in the editor' },
    { keys: 'Esc', does: 'Leave a field, then close the editor (asks before dropping changes)' },
    { keys: 'N', does: 'New (extension, ring group, inbound route)' },
    { keys: 'Delete', does: 'Delete the open object (asks first)' },
    { keys: '1 … 5', does: 'Extensions, ring groups, inbound routes, voicemail, queue members' },
    { keys: 'R', does: 'Read the list again from the PBX' },
    { keys: '?', does: 'This help' },
  ],
}
