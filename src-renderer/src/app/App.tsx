import { useEffect } from 'react'
import { ProfileSwitcher } from '../components/ProfileSwitcher'
import { Toasts } from '../components/Toasts'
import { StatusBar } from '../components/StatusBar'
import { AdminView } from '../features/admin/AdminView'
import { CallsView } from '../features/calls/CallsView'
import { HistoryView } from '../features/history/HistoryView'
import { QueuesView } from '../features/queues/QueuesView'
import { SettingsView } from '../features/settings/SettingsView'
import { useAppStore, type View } from '../stores/app-store'
import { useTheme } from './use-theme'

const NAV: readonly { view: View; label: string; key: string }[] = [
  { view: 'calls', label: 'Calls', key: '1' },
  { view: 'queues', label: 'Queues', key: '2' },
  { view: 'history', label: 'History', key: '3' },
  { view: 'admin', label: 'Admin', key: '4' },
  { view: 'settings', label: 'Settings', key: '5' },
]

function CurrentView({ view }: { view: View }): React.JSX.Element {
  switch (view) {
    case 'calls':
      return <CallsView />
    case 'queues':
      return <QueuesView />
    case 'history':
      return <HistoryView />
    case 'admin':
      return <AdminView />
    case 'settings':
      return <SettingsView />
  }
}

export function App(): React.JSX.Element {
  const view = useAppStore((s) => s.view)
  const setView = useAppStore((s) => s.setView)
  const theme = useAppStore((s) => s.settings?.theme)
  const link = useAppStore((s) => s.link)
  const lastError = useAppStore((s) => s.lastError)
  useTheme(theme)

  // Alt+1…5 switch screens from anywhere, so the keyboard never has to find the sidebar.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const item = NAV.find((n) => n.key === e.key)
      if (item !== undefined) {
        e.preventDefault()
        setView(item.view)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [setView])

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand" aria-hidden="true">
          Attendant
        </div>
        <ProfileSwitcher />
        <ul>
          {NAV.map((n) => (
            <li key={n.view}>
              <button
                type="button"
                aria-current={view === n.view ? 'page' : undefined}
                title={`${n.label} (Alt+${n.key})`}
                onClick={() => {
                  setView(n.view)
                }}
              >
                {n.label}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {link === 'closed' && (
          <div role="alert" className="banner warn">
            Connection to the console lost — reconnecting…
          </div>
        )}
        {lastError !== null && (
          <div role="alert" className="banner error">
            {lastError.message}
          </div>
        )}
        <CurrentView view={view} />
      </main>
      <StatusBar />
      <Toasts />
    </div>
  )
}
