import { useEffect } from 'react'
import { useLiveStore } from '../../stores/live-store'
import { followVoicemail, useVoicemailStore } from '../../stores/voicemail-store'

/** Keeps the mailboxes of the shown PBX (watching again when the PBX or its connection comes back): the lamps' marks need them on every screen. */
export function VoicemailHost(): null {
  const profileId = useLiveStore((s) => s.profileId)
  const ami = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]?.ami))
  useEffect(() => {
    followVoicemail()
  }, [])
  useEffect(() => {
    if (profileId !== null && ami === 'connected') void useVoicemailStore.getState().watch(profileId)
  }, [profileId, ami])
  return null
}
