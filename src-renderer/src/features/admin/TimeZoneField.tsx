import { useEffect, useState } from 'react'
import { compareClock, type PbxClockView } from '../../../../src-preload/types/pbx-clock'
import { isValidTimeZone } from '../../../../src-preload/types/profile'
import { bridge } from '../../bridge/current'
import { TextField } from '../../components/form'
import { tr } from '../../i18n'
import { useLiveStore } from '../../stores/live-store'
import { strings } from './strings'
import { strings as clockStrings } from '../../../../src-preload/i18n/strings/pbx-clock'
import './web-link.css'

const t = tr(strings)
const clockWords = tr(clockStrings)

/**
 * The profile's Time zone, explained, and checked against the PBX's own clock when this profile is
 * connected: main asks the PBX (STRFTIME) once; the zone as typed is compared with its answer by
 * the rule main uses, so the warning follows the field.
 */
export function TimeZoneField({
  profileId,
  value,
  onChange,
}: {
  readonly profileId: string
  readonly value: string
  readonly onChange: (value: string) => void
}): React.JSX.Element {
  const connected = useLiveStore((s) => s.statuses[profileId]?.ami === 'connected')
  const [clock, setClock] = useState<PbxClockView | null>(null)
  useEffect(() => {
    if (!connected) return
    let current = true
    void bridge()
      .invoke('pbxClock.read', { profileId })
      .then((r) => {
        if (current) setClock(r.ok ? r.value : null)
      })
    return () => {
      current = false
    }
  }, [profileId, connected])
  const judged =
    clock === null || !isValidTimeZone(value)
      ? undefined
      : compareClock({ epochMs: clock.pbxEpochMs, offsetMinutes: clock.pbxOffsetMinutes, zone: clock.pbxZone }, value, clock.readAt, clockWords)
  return (
    <div className="time-zone-field">
      <TextField label={t('timeZone.label')} value={value} placeholder={t('timeZone.example')} onChange={onChange} note={t('timeZone.explained')} />
      {judged?.warning !== undefined && (
        <p className="time-zone-warning" role="status">
          {judged.warning}
        </p>
      )}
    </div>
  )
}
