/** Half a blink: ringing calls and phones are shown dimmed every other 600 ms. */
const HALF_PERIOD_MS = 600

/**
 * One clock for everything that blinks (ringing and queued calls, ringing phones): it flips
 * `data-blink` on the root element and CSS dims what rings while it is 'off'. Under load a CSS
 * animation per badge made the page update style and layers on every frame; this costs two
 * small style updates per second, for however many rows ring. Returns a stop function.
 */
export function startBlinking(root: HTMLElement = document.documentElement): () => void {
  let off = false
  const timer = setInterval(() => {
    off = !off
    root.dataset.blink = off ? 'off' : 'on'
  }, HALF_PERIOD_MS)
  return () => {
    clearInterval(timer)
    delete root.dataset.blink
  }
}
