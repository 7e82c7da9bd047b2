import { useEffect, useMemo } from 'react'
import { CallAdditionsContext } from '../actions/call-additions'
import { HelpSectionsContext } from '../components/HelpOverlay'
import { ProfileSwitcher } from '../components/ProfileSwitcher'
import { SettingsSectionsContext } from '../components/settings-sections'
import { Toasts } from '../components/Toasts'
import { StatusBar } from '../components/StatusBar'
import { FEATURES } from '../features'
import { useAppStore } from '../stores/app-store'
import { useLiveStore } from '../stores/live-store'
import { useTheme } from './use-theme'

/**
 * The keyboard help and what add-on features give the calls screen, for the shown PBX's seat role
 * (keys a role does not have are neither bound nor listed; before the seat is known, the least).
 */
function useSeatAdditions(): { help: ReturnType<typeof FEATURES.helpSections>; additions: React.ContextType<typeof CallAdditionsContext> } {
  const role = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]?.role)) ?? 'receptionist'
  return useMemo(
    () => ({
      help: FEATURES.helpSections(role),
      additions: { callKeys: FEATURES.callKeysFor(role), lampActions: FEATURES.lampActions, callBadges: FEATURES.callBadges },
    }),
    [role],
  )
}

/** The shell: sidebar and Alt keys, banners, the current feature's view, status bar and toasts. */
export function App(): React.JSX.Element {
  const view = useAppStore((s) => s.view)
  const setView = useAppStore((s) => s.setView)
  const theme = useAppStore((s) => s.settings?.theme)
  const link = useAppStore((s) => s.link)
  const lastError = useAppStore((s) => s.lastError)
  useTheme(theme)
  const shown = FEATURES.shown(view)
  const { help, additions } = useSeatAdditions()

  // Alt+<key> switches screens from anywhere, so the keyboard never has to find the sidebar.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const feature = FEATURES.byAltKey(e.key)
      if (feature !== undefined) {
        e.preventDefault()
        setView(feature.id)
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
          {FEATURES.all.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                aria-current={shown.id === f.id ? 'page' : undefined}
                title={`${f.nav.label} (Alt+${f.nav.altKey})`}
                onClick={() => {
                  setView(f.id)
                }}
              >
                {f.nav.label}
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
        <HelpSectionsContext value={help}>
          <CallAdditionsContext value={additions}>
            <SettingsSectionsContext value={FEATURES.settingsSections}>
              <shown.View key={shown.id} />
            </SettingsSectionsContext>
          </CallAdditionsContext>
        </HelpSectionsContext>
      </main>
      <StatusBar />
      <Toasts />
      {FEATURES.hosts.map(({ id, Host }) => (
        <Host key={id} />
      ))}
    </div>
  )
}
