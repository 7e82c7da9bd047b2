import { useToastStore } from '../stores/toast-store'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Action results, read out by screen readers too (errors assertively). */
export function Toasts(): React.JSX.Element {
  const toasts = useToastStore((s) => s.toasts)
  const dismiss = useToastStore((s) => s.dismiss)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
          <span>{toast.text}</span>
          <button
            type="button"
            className="link"
            aria-label={t('toast.dismiss')}
            onClick={() => {
              dismiss(toast.id)
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
