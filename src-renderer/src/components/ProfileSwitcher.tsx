import { useAppStore } from '../stores/app-store'
import { useLiveStore } from '../stores/live-store'
import { transportLabel } from './transport-label'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Which PBX this window shows; each one's health is in the status bar. */
export function ProfileSwitcher(): React.JSX.Element | null {
  const statuses = useLiveStore((s) => s.statuses)
  const current = useLiveStore((s) => s.profileId)
  const subscribe = useLiveStore((s) => s.subscribe)
  const updateSettings = useAppStore((s) => s.updateSettings)
  const list = Object.values(statuses)
  if (list.length === 0) return null
  return (
    <label className="profile-switcher">
      <span className="muted small">PBX</span>
      <select
        aria-label={t('switcher.shown')}
        value={current ?? ''}
        onChange={(e) => {
          const id = e.currentTarget.value
          void subscribe(id)
          void updateSettings({ activeProfileId: id })
        }}
      >
        {list.map((s) => (
          <option key={s.profileId} value={s.profileId}>
            {s.ami === 'connected' ? s.name : t('switcher.amiState', { name: s.name, state: transportLabel(s, 'ami') })}
          </option>
        ))}
      </select>
    </label>
  )
}
