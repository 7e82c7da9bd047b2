import { tr } from '../i18n'
import { rich } from '../i18n/rich'
import { strings } from './strings'
import { useTheme } from './use-theme'
import './access-refused.css'

const t = tr(strings)
const code = (text: string): React.ReactNode => <code>{text}</code>
const bold = (text: string): React.ReactNode => <strong>{text}</strong>

/**
 * Web mode's page when its link does not open the console: the token it carries was replaced, or
 * belongs to a console run from another data folder, or it came without one. Says so and where the
 * current link is, instead of trying again for ever.
 */
export function AccessRefused({ reason }: { readonly reason: 'replaced' | 'missing' }): React.JSX.Element {
  useTheme(undefined)
  return (
    <main className="access-refused" aria-labelledby="access-refused-title">
      <h1 id="access-refused-title">{reason === 'replaced' ? t('refused.replacedTitle') : t('refused.missingTitle')}</h1>
      <p>{reason === 'replaced' ? t('refused.replaced') : t('refused.missing')}</p>
      <h2>{t('refused.howTitle')}</h2>
      <ul>
        <li>{rich(t('refused.terminal'), { code })}</li>
        <li>{rich(t('refused.ask'), { b: bold })}</li>
        <li>{t('refused.bookmark')}</li>
      </ul>
      <p>
        <button
          type="button"
          onClick={() => {
            window.location.reload()
          }}
        >
          {t('refused.retry')}
        </button>
      </p>
    </main>
  )
}
