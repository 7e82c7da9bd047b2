import { useEffect, useMemo, useState } from 'react'
import { CallAdditionsContext } from '../actions/call-additions'
import { bridge } from '../bridge/current'
import { HelpOverlay, HelpSectionsContext } from '../components/HelpOverlay'
import { ProfileSwitcher } from '../components/ProfileSwitcher'
import { SettingsSectionsContext } from '../components/settings-sections'
import { Toasts } from '../components/Toasts'
import { StatusBar } from '../components/StatusBar'
import { FEATURES } from '../features'
import { tr } from '../i18n'
import { useAppStore } from '../stores/app-store'
import { useLiveStore } from '../stores/live-store'
import { altKeyLabel } from './feature-list'
import { isMac, shellShortcuts } from './shell-keys'
import { AccessRefused } from './AccessRefused'
import { strings } from './strings'
import { useTheme } from './use-theme'

const MAC = isMac()
const t = tr(strings)

/**
 * The keyboard help and what add-on features give the calls screen, for the shown PBX's seat role
 * (keys a role does not have are neither bound nor listed; before the seat is known, the least).
 */
function useSeatAdditions(): { help: ReturnType<typeof FEATURES.helpSections>; additions: React.ContextType<typeof CallAdditionsContext> } {
  const role = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]?.role)) ?? 'receptionist'
  const desktop = useAppStore((s) => s.info?.mode === 'electron')
  const dialShortcut = useAppStore((s) => s.settings?.desktop.dialShortcut)
  return useMemo(
    () => ({
      help: FEATURES.helpSections(role, { mac: MAC, extra: shellShortcuts({ mac: MAC, desktop, dialShortcut }) }),
      additions: { callKeys: FEATURES.callKeysFor(role), lampActions: FEATURES.lampActions, callBadges: FEATURES.callBadges },
    }),
    [role, desktop, dialShortcut],
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
  const refused = link === 'refused'
  const [helpOpen, setHelpOpen] = useState(false)

  // Alt+<key> switches screens from anywhere, so the keyboard never has to find the sidebar. The
  // physical key decides (e.code): under Option on macOS e.key is '¡' for Alt+1, and AltGr
  // (Ctrl+Alt on Windows) is left to the layout's characters. F1 shows every key.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'F1' && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault()
        setHelpOpen(true)
        return
      }
      if (!e.altKey || e.ctrlKey || e.metaKey) return
      const feature = FEATURES.byKeyCode(e.code)
      if (feature !== undefined) {
        e.preventDefault()
        setHelpOpen(false)
        setView(feature.id)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [setView])

  // The desktop app's menu (View's screens, Help's keyboard shortcuts) asks through main.
  useEffect(
    () =>
      bridge().on('menu.command', (command) => {
        if (command.kind === 'help') {
          setHelpOpen(true)
          return
        }
        setHelpOpen(false)
        if (FEATURES.all.some((f) => f.id === command.view)) setView(command.view)
      }),
    [setView],
  )

  if (refused) return <AccessRefused reason="replaced" />
  return (
    <div className="shell">
      <nav className="sidebar" aria-label={t('mainNav')}>
        <div className="brand" aria-hidden="true">
          {t('brand')}
        </div>
        <ProfileSwitcher />
        <ul>
          {FEATURES.all.map((f) => (
            <li key={f.id}>
              <button
                type="button"
                aria-current={shown.id === f.id ? 'page' : undefined}
                title={t('navTitle', { label: f.nav.label, key: altKeyLabel(f.nav.altKey, MAC) })}
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
        {/* Notices that must never cover the lamps or the calls (the notifications question): in flow, above the view. */}
        <div id="shell-notices" className="shell-notices" />
        {link === 'closed' && (
          <div role="alert" className="banner warn">
            {t('linkLost')}
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
          {helpOpen && (
            <HelpOverlay
              onClose={() => {
                setHelpOpen(false)
              }}
            />
          )}
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
