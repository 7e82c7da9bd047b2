import { useEffect } from 'react'
import { useAppStore } from '../stores/app-store'
import { useLiveStore } from '../stores/live-store'
import { useProfilesStore } from '../stores/profiles-store'
import './no-pbx-yet.css'

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
      <h2 id="no-pbx-title">{profiles === 0 ? 'No PBX yet' : 'No PBX connected'}</h2>
      <p>{what}</p>
      {profiles === 0 ? (
        <ol>
          {needsPassphrase && <li>In Admin, set the admin passphrase (in web mode with the setup code printed where the console was started).</li>}
          <li>In Admin, choose New profile: your PBX’s address, the AMI user and its secret, and your own extension.</li>
          <li>Test connection, then Save: the calls, lamps and history appear here.</li>
        </ol>
      ) : (
        <p>Admin lists the PBX profiles and why one is refused; Test connection says what does not answer.</p>
      )}
      <button
        type="button"
        className="primary"
        onClick={() => {
          setView('admin')
        }}
      >
        Open Admin <kbd>Alt+4</kbd>
      </button>
    </section>
  )
}
