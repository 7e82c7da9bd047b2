import { useToastStore } from '../stores/toast-store'

/** Action results, read out by screen readers too (errors assertively). */
export function Toasts(): React.JSX.Element {
  const toasts = useToastStore((s) => s.toasts)
  const dismiss = useToastStore((s) => s.dismiss)
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={`toast toast-${t.kind}`} role={t.kind === 'error' ? 'alert' : 'status'}>
          <span>{t.text}</span>
          <button
            type="button"
            className="link"
            aria-label="Dismiss"
            onClick={() => {
              dismiss(t.id)
            }}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  )
}
