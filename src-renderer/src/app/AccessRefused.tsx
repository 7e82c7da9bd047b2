import { useTheme } from './use-theme'
import './access-refused.css'

/**
 * Web mode's page when its link does not open the console: the token it carries was replaced, or
 * belongs to a console run from another data folder, or it came without one. Says so and where the
 * current link is, instead of trying again for ever.
 */
export function AccessRefused({ reason }: { readonly reason: 'replaced' | 'missing' }): React.JSX.Element {
  useTheme(undefined)
  return (
    <main className="access-refused" aria-labelledby="access-refused-title">
      <h1 id="access-refused-title">{reason === 'replaced' ? 'This link no longer opens the console' : 'This page needs the console’s link'}</h1>
      <p>
        {reason === 'replaced'
          ? 'The console’s web link was replaced (in Admin, or from the command line), or this page belongs to a console started from another data folder. Nothing is done from this page until it has the current link.'
          : 'Web mode opens only through its link, which carries an access code. This browser has none for this console yet.'}
      </p>
      <h2>To get the current link</h2>
      <ul>
        <li>
          On the computer that runs the console, the window where <code>npm run web</code> was started shows it on a line of its own. It stays the
          same after a restart.
        </li>
        <li>
          Or ask whoever looks after the console: in <strong>Admin → Web link</strong> they can copy it for you.
        </li>
        <li>Open the link once in this browser; a bookmark of the page works from then on.</li>
      </ul>
      <p>
        <button
          type="button"
          onClick={() => {
            window.location.reload()
          }}
        >
          Try again
        </button>
      </p>
    </main>
  )
}
