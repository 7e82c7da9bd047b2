import type { Feature } from '../feature'
import { QueuesView } from './QueuesView'

/** Queues and agents: who waits, who is available, pausing members (supervisors). */
export const queuesFeature: Feature = {
  id: 'queues',
  nav: { label: 'Queues', altKey: '2' },
  View: QueuesView,
  actionWords: {
    'queue.pause': 'Queue pause',
    'queue.unpause': 'Queue unpause',
  },
}
