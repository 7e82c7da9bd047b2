import { useEffect } from 'react'
import { useAppStore } from '../stores/app-store'
import { useLiveStore } from '../stores/live-store'
import { useProfilesStore } from '../stores/profiles-store'
import { rich } from '../i18n/rich'
import { tr } from '../i18n'
import { strings } from './strings'
import './no-pbx-yet.css'

const t = tr(strings)

/**
 * The first run's empty state: no PBX yet (no profile, and the demo PBX not running). Says what to
 * do, in order, and takes the operator there: the admin passphrase first when there is none (it
 * seals each profile), then the PBX's profile in Admin.
 */
export function NoPbxYet({ what }: { readonly what: string }): React.JSX.Element | null {
  const connected = useLiveStore((s) => Object.keys(s.statuses).length)
  const view = useProfilesStore((s) => s.view)
  const load = useProfilesStore((s) => s.load)
  const setView = useAppStore((s) => s.setView)
  useEffect(() => {
    if (view === null) void load()
  }, [view, load])
  if (connected > 0 || view === null) return null
  const needsPassphrase = !view.hasAdminPassphrase
  const profiles = view.profiles.length
  return (
    <section className="card first-run-empty" aria-labelledby="no-pbx-title">
      <h2 id="no-pbx-title">{profiles === 0 ? t('noPbx.none') : t('noPbx.notConnected')}</h2>
      <p>{what}</p>
      {profiles === 0 ? (
        <ol>
          {needsPassphrase && <li>{t('noPbx.passphrase')}</li>}
          <li>{t('noPbx.profile')}</li>
          <li>{t('noPbx.test')}</li>
        </ol>
      ) : (
        <p>{t('noPbx.refused')}</p>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setView('admin')
        }}
      >
        {rich(t('noPbx.open'), { kbd: (key) => <kbd>{key}</kbd> })}
      </button>
    </section>
  )
}
