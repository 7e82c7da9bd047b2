import { staleText } from '../stores/live-health'
import { useLiveStore } from '../stores/live-store'

/**
 * Marks a part of the console whose data is not current: `As of 14:02:11, PBX unreachable`. Shown
 * only while stale; each part that shows live data (calls, card, lamps, parked calls, queues)
 * carries one, so no part looks live during an outage.
 */
export function StaleNote({ className }: { className?: string }): React.JSX.Element | null {
  const stale = useLiveStore((s) => s.health.stale)
  if (stale === undefined) return null
  const text = staleText(stale)
  return (
    <p className={`stale-note${className !== undefined ? ` ${className}` : ''}`} role="note">
      <span aria-hidden="true">⚠ </span>
      {`${text.charAt(0).toUpperCase()}${text.slice(1)}`}
    </p>
  )
}
