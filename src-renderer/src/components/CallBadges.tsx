import type { LiveCall } from '../../../src-preload/types/live'
import { useCallAdditions } from '../actions/call-additions'

/**
 * The add-ons' marks on one call (recording, being listened to), where the calls screen shows
 * them: terse in the call's row, in words on its card. Nothing when no add-on has a mark.
 */
export function CallBadges({ call, place }: { call: LiveCall; place: 'row' | 'card' }): React.JSX.Element | null {
  const { callBadges = [] } = useCallAdditions()
  if (callBadges.length === 0) return null
  return (
    <>
      {callBadges.map(({ id, Badge }) => (
        <Badge key={id} call={call} place={place} />
      ))}
    </>
  )
}
