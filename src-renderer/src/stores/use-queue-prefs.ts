import { useEffect } from 'react'
import { useLiveStore } from './live-store'
import { followQueuePrefs, useQueuePrefsStore } from './queue-prefs-store'

/** Loads the shown profile's queue preferences (once per profile) and follows other windows' saves. */
export function useQueuePrefs(): void {
  const profileId = useLiveStore((s) => s.profileId)
  const loadedFor = useQueuePrefsStore((s) => s.profileId)
  useEffect(() => {
    followQueuePrefs()
    if (profileId !== null && profileId !== loadedFor) void useQueuePrefsStore.getState().load(profileId)
  }, [profileId, loadedFor])
}
