import { protocol } from 'electron'
import { contentSecurityPolicy, securityHeaders } from '../core/security/csp'
import { readStatic } from '../core/security/static-files'
import { APP_HOST, APP_SCHEME } from '../core/security/trusted-sender'

/** Must run before `app.whenReady()`: app:// behaves like https (secure, standard origin). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }])
}

/**
 * Serves the built renderer from app://attendant/ with the CSP as a real header (file:// responses
 * carry no headers, so the CSP there could only be a <meta> tag).
 */
export function serveRenderer(rendererDir: string): void {
  const headers = securityHeaders(contentSecurityPolicy())
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404, headers })
    const found = await readStatic(rendererDir, url.pathname)
    if (found.status !== 200) return new Response(String(found.status), { status: found.status, headers })
    return new Response(new Uint8Array(found.body), { status: 200, headers: { ...headers, 'Content-Type': found.contentType } })
  })
}
