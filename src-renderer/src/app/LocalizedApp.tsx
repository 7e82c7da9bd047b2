import { useMemo } from 'react'
import { setLanguage } from '../i18n'
import { useAppStore } from '../stores/app-store'
import { App } from './App'

/**
 * The app in the chosen language. A change of language remounts the tree, so every text on screen
 * (memoised rows, feature descriptors read once) is read again from the catalogue; what the stores
 * hold (the current view, selections, live state) survives, as it lives outside React.
 */
export function LocalizedApp(): React.JSX.Element {
  const setting = useAppStore((s) => s.settings?.language ?? 'system')
  const language = useMemo(() => setLanguage(setting), [setting])
  return <App key={language} />
}
