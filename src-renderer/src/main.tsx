import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { createBridge } from './bridge'
import { setBridge } from './bridge/current'
import { useAppStore } from './stores/app-store'
import { useProfilesStore } from './stores/profiles-store'
import './styles/app.css'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root')

const bridge = createBridge()
if (bridge === null) {
  // Web mode opened without its per-run token (e.g. a bookmarked URL after a restart).
  root.textContent = 'Open the URL that `npm run web` printed: this page needs its access token.'
} else {
  setBridge(bridge)
  const store = useAppStore.getState()
  bridge.on('settings.changed', (settings) => {
    useAppStore.getState().applySettings(settings)
  })
  bridge.on('profiles.changed', (view) => {
    useProfilesStore.getState().apply(view)
  })
  bridge.onLinkChange((state) => {
    useAppStore.getState().setLink(state)
    // After a reconnect, main may have moved on: take fresh snapshots rather than trust old state.
    if (state === 'open') void useAppStore.getState().load()
  })
  void store.load()
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
