/** The custom scheme and host the desktop renderer is served from (never file://). */
export const APP_SCHEME = 'app'
export const APP_HOST = 'attendant'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The subset of Electron's WebFrameMain the check needs; null when the frame is gone. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/**
 * Only the app's own top-level frame may call the contract: a child frame, another origin, a
 * `data:`/`about:blank` window or a navigated-away page is refused before any input is looked at.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined) return false
  if (frame.parent !== null) return false
  let url: URL
  try {
    url = new URL(frame.url)
  } catch {
    return false
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
}
