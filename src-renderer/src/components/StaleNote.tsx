import { staleText } from '../stores/live-health'
import { useLiveStore } from '../stores/live-store'

/** A sign, not a word: the same in every language. */
const WARNING_SIGN = '⚠ '

/**
 * Marks a part of the console whose data is not current: `As of 14:02:11, PBX unreachable`. Shown
 * only while stale; each part that shows live data (calls, card, lamps, parked calls, queues)
 * carries one, so no part looks live during an outage.
 */
export function StaleNote({ className }: { className?: string }): React.JSX.Element | null {
  const stale = useLiveStore((s) => s.health.stale)
  if (stale === undefined) return null
  const text = staleText(stale)
  const sentence = `${text.charAt(0).toLocaleUpperCase()}${text.slice(1)}`
  return (
    <p className={`stale-note${className !== undefined ? ` ${className}` : ''}`} role="note">
      <span aria-hidden="true">{WARNING_SIGN}</span>
      {sentence}
    </p>
  )
}
