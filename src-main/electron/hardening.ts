import { app, session, shell, type WebContents } from 'electron'
import { isAllowedExternalUrl } from '../core/security/external-links'
import { APP_ORIGIN } from '../core/security/trusted-sender'

/**
 * App-wide defences for every web contents: no navigation away from the app, no new windows
 * (allow-listed https links go to the system browser instead), no <webview>, no permissions.
 */
export function hardenApp(log: (message: string) => void): void {
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`)
    callback(false)
  })
  session.defaultSession.setPermissionCheckHandler(() => false)

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) {
        event.preventDefault()
        log(`blocked navigation to ${url}`)
      }
    })
    contents.on('will-redirect', (event, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => {
      event.preventDefault()
    })
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternalUrl(url)) void shell.openExternal(url)
      else log(`blocked window.open of ${url}`)
      return { action: 'deny' }
    })
  })
}
