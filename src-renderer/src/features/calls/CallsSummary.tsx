import { summarize, summaryText } from '../../live/call-urgency'
import { liveTables, useLiveStore } from '../../stores/live-store'

/**
 * `2 ringing · 1 waiting · 0 on hold` over every live call (whatever the filter shows): what wants
 * the desk, at a glance. A short string compared by value, so it re-renders only when a count
 * changes, however often calls are patched.
 */
export function CallsSummary(): React.JSX.Element {
  // One pass over the calls: whether any rings (from the count, not the words, which are in the
  // shown language) as the string's first character, then the words.
  const shown = useLiveStore(() => {
    const counts = summarize(liveTables.tables.calls.values())
    return `${counts.ringing > 0 ? '1' : '0'}${summaryText(counts)}`
  })
  const ringing = shown.startsWith('1')
  const text = shown.slice(1)
  return (
    // Not a live region: it changes with every call, and the toolbar's status speaks for the list.
    <p className={`calls-summary${ringing ? ' has-ringing' : ''}`}>{text}</p>
  )
}
