import { createPortal } from 'react-dom'
import { useAttentionStore } from '../../stores/attention-store'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * Web mode asks once, politely, whether the browser may show notifications: a quiet bar the
 * operator answers when they like (browsers allow the question only from a click), never a popup
 * at load. "Not now" is remembered; Settings can ask again. It sits in the shell's notices, in flow
 * above the screen, so it never covers the lamps or the calls.
 */
export function NotificationPrompt(): React.JSX.Element | null {
  const permission = useAttentionStore((s) => s.permission)
  const asked = useAttentionStore((s) => s.asked)
  const askPermission = useAttentionStore((s) => s.askPermission)
  const decline = useAttentionStore((s) => s.declinePermission)
  // The shell's slot (App.tsx, #shell-notices): rendered long before the app info this bar waits for.
  const slot = document.getElementById('shell-notices')
  if (permission !== 'default' || asked || slot === null) return null
  return createPortal(
    <div role="region" aria-label={t('prompt.region')} className="notification-prompt">
      <span>{t('prompt.ask')}</span>
      <button
        type="button"
        className="primary"
        onClick={() => {
          void askPermission()
        }}
      >
        {t('allow')}
      </button>
      <button type="button" onClick={decline}>
        {t('prompt.notNow')}
      </button>
    </div>,
    slot,
  )
}
