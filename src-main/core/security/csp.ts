/**
 * Content-Security-Policy for the renderer. The renderer never talks to the network itself (every
 * PBX connection lives in main), so nothing remote is allowed anywhere: no inline or eval'd script,
 * no inline style, no frames, no forms. Web mode alone may open its own loopback WebSocket (and ask
 * its own server whether its token is still good).
 */
export function contentSecurityPolicy(opts: { readonly webSocketOrigin?: string } = {}): string {
  // 'self' in web mode: the page asks its own server whether its access token is still good.
  const connect = opts.webSocketOrigin === undefined ? "'none'" : `${opts.webSocketOrigin} 'self'`
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

/** Headers sent with every renderer response, in both Electron's app:// scheme and web mode. */
export function securityHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  }
}
