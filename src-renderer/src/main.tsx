import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { showSettledActions } from './actions/settled-toasts'
import { AccessRefused } from './app/AccessRefused'
import { LocalizedApp } from './app/LocalizedApp'
import { startBlinking } from './app/blink'
import { createBridge } from './bridge'
import { setBridge } from './bridge/current'
import { FEATURES } from './features'
import { setLanguage } from './i18n'
import { useAppStore } from './stores/app-store'
import { startDirectory, useDirectoryStore } from './stores/directory-store'
import { useLiveStore } from './stores/live-store'
import { useProfilesStore } from './stores/profiles-store'
import './styles/app.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')

// The browser's language until the settings arrive (the access-refused page is read in it too).
setLanguage('system')
const bridge = createBridge()
if (bridge === null) {
  // Web mode opened without its token (a bookmark in a browser that never opened the link).
  createRoot(root).render(<AccessRefused reason="missing" />)
} else {
  setBridge(bridge)
  bridge.on('settings.changed', (settings) => {
    useAppStore.getState().applySettings(settings)
  })
  bridge.on('profiles.changed', (view) => {
    useProfilesStore.getState().apply(view)
  })
  showSettledActions(bridge, FEATURES.actionWords)
  startDirectory(bridge)
  // The names of the PBX shown: read when it is first shown or switched to (and after a reconnect).
  useLiveStore.subscribe((s, before) => {
    if (s.profileId !== null && s.profileId !== before.profileId) void useDirectoryStore.getState().load(s.profileId)
  })
  bridge.on('live.message', (msg) => {
    useLiveStore.getState().receive(msg)
  })
  bridge.on('connections.changed', (status) => {
    useLiveStore.getState().setStatus(status)
  })
  /** Shows the chosen PBX, else the demo, else the first profile; live updates follow. */
  const startLive = async (): Promise<void> => {
    await useAppStore.getState().load()
    await useLiveStore.getState().loadStatuses()
    const { settings, info } = useAppStore.getState()
    const statuses = useLiveStore.getState().statuses
    const preferred = settings?.activeProfileId ?? null
    const profileId = preferred !== null && preferred in statuses ? preferred : (info?.demoProfileId ?? Object.keys(statuses)[0] ?? null)
    if (profileId !== null) await useLiveStore.getState().subscribe(profileId)
    if (profileId !== null) void useDirectoryStore.getState().load(profileId)
  }
  bridge.onLinkChange((state) => {
    useAppStore.getState().setLink(state)
    // After a reconnect, main may have moved on: take fresh snapshots rather than trust old state.
    if (state === 'open') void startLive()
  })
  if (bridge.linkState === 'open') void startLive()
  startBlinking()
  createRoot(root).render(
    <StrictMode>
      <LocalizedApp />
    </StrictMode>,
  )
}
