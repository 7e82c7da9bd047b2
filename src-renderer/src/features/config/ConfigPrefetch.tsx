import { useEffect } from 'react'
import { useConfigStore } from '../../stores/config-store'
import { useLiveStore } from '../../stores/live-store'
import type { AddOn } from '../feature'

/** How long the read may wait for the page to be idle (the lamps' first layout) before it is asked anyway. */
const IDLE_WAIT_MS = 2000

/**
 * An admin seat's workspace lists, read before Configuration is opened: once the seat is connected
 * and the page is idle, the list the workspace opens on (5,000 extensions are 1.4 MB that FreePBX
 * takes a few hundred ms to give) and the descriptors, then ring groups and inbound routes. Opening
 * the workspace or a tab shows a list at once and reads it again behind it when it is older than
 * LIST_FRESH_MS ("reading again…" beside its count), so an old list is never shown without saying
 * so. Other seats read nothing: main would refuse them.
 */
export function ConfigPrefetch(): null {
  const profileId = useLiveStore((s) => s.profileId)
  const admin = useLiveStore((s) => (s.profileId === null ? false : s.statuses[s.profileId]?.role === 'admin'))
  const connected = useLiveStore((s) => (s.profileId === null ? false : s.statuses[s.profileId]?.ami === 'connected'))
  useEffect(() => {
    if (profileId === null || !admin || !connected) return
    const read = (): void => {
      void useConfigStore.getState().prefetch(profileId)
    }
    const idle = window.requestIdleCallback(read, { timeout: IDLE_WAIT_MS })
    return () => {
      window.cancelIdleCallback(idle)
    }
  }, [profileId, admin, connected])
  return null
}

/** Configuration's lists read ahead for admin seats (no keys, no screen of its own: the view is configFeature). */
export const configPrefetchAddOn: AddOn = {
  id: 'config-prefetch',
  label: 'Configuration',
  Host: ConfigPrefetch,
}
