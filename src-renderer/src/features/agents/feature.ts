import type { Feature } from '../feature'
import { AgentsView } from './AgentsView'

/** The agent board: every agent's state and times, sortable, by queue; membership and listening in by keyboard (supervisors). */
export const agentsFeature: Feature = {
  id: 'agents',
  nav: { label: 'Agents', altKey: '8' },
  View: AgentsView,
  shortcuts: [
    { keys: '↑ / ↓ / Home / End', does: 'Select an agent' },
    { keys: 'Enter / P', does: 'Pause with a reason, set the penalty or remove, in one queue or all' },
    { keys: 'U', does: 'Unpause the selected agent in every queue' },
    { keys: 'A', does: 'Add an extension to a queue' },
    { keys: 'L / W / B', does: 'Listen, whisper or barge on the selected agent’s call from your phone (during that session: switch its mode)' },
    { keys: 'E', does: 'End your listening session' },
    { keys: 'Esc', does: 'Clear the selection' },
  ],
  actionWords: {
    'queue.add': 'Queue member added',
    'queue.remove': 'Queue member removed',
    'queue.penalty': 'Queue penalty',
  },
}
