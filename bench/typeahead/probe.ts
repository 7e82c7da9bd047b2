/**
 * The page side of bench:typeahead, injected as a script. Per keystroke in the people picker:
 * the time from the keydown to the first frame painted after the picker's list shows the answer
 * for the whole text typed — extensions and contacts alike. The picker writes the text its rows
 * answer into `data-shown` (a deferred part still catching up leaves the older text there), so a
 * list that paints extensions first and contacts a frame later is timed to the later frame.
 *
 * "Painted": a requestAnimationFrame after the commit, then a task after that frame (the frame's
 * paint runs between the two). The same clock on a bare input outside React, typed the same
 * keys in the same run, is the peer: what this machine's keystroke → paint costs with no work.
 */
export interface KeyTiming {
  readonly ms: number
  /** 'type' for a character, 'back' for Backspace. */
  readonly kind: 'type' | 'back'
  readonly target: 'picker' | 'peer'
}

export const PAGE_PROBE = `(() => {
  const timings = []
  window.__typeahead = timings
  const peer = document.createElement('input')
  peer.id = 'bench-peer'
  peer.setAttribute('aria-label', 'bench peer')
  peer.style.cssText = 'position:fixed;left:4px;bottom:4px;width:160px;z-index:9999'
  document.body.appendChild(peer)
  const painted = (t0, kind, target) =>
    requestAnimationFrame(() => setTimeout(() => timings.push({ ms: performance.now() - t0, kind, target }), 0))
  let pending = null
  const settle = () => {
    if (pending === null || !pending.input) return
    const picker = pending.input.closest('.people-picker')
    // A picker without data-shown (before it had one) renders its whole answer with the input event.
    if (picker === null || (picker.dataset.shown !== undefined && picker.dataset.shown !== pending.input.value)) return
    const p = pending
    pending = null
    painted(p.t0, p.kind, 'picker')
  }
  new MutationObserver(settle).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-shown'] })
  // Each frame while an answer is awaited (a commit that changes nothing else is seen here).
  const poll = () => {
    settle()
    if (pending !== null) requestAnimationFrame(poll)
  }
  const start = (target, kind) => {
    // A mark per key in the page's timeline (--trace): which frames belong to which input.
    performance.mark(target === peer ? 'key:peer' : 'key:picker')
    if (target === peer) {
      painted(performance.now(), kind, 'peer')
      return
    }
    if (!(target instanceof HTMLInputElement) || target.getAttribute('role') !== 'combobox') return
    if (pending !== null) timings.push({ ms: performance.now() - pending.t0, kind: pending.kind, target: 'picker', overrun: true })
    pending = { t0: performance.now(), kind, input: null, el: target }
    requestAnimationFrame(poll)
  }
  let keyed = false
  document.addEventListener('keydown', (e) => {
    keyed = true
    start(e.target, e.key === 'Backspace' ? 'back' : 'type')
  }, true)
  // A character no key of the layout types (ü, å: inserted as text) has no keydown: its clock starts here.
  document.addEventListener('beforeinput', (e) => {
    if (!keyed) start(e.target, e.inputType.startsWith('delete') ? 'back' : 'type')
    keyed = false
  }, true)
  document.addEventListener('keyup', () => {
    keyed = false
  }, true)
  // The text changes after keydown: only then can the list be compared with it.
  document.addEventListener('input', (e) => {
    if (pending !== null && e.target === pending.el) {
      pending.input = pending.el
      queueMicrotask(settle)
    }
  }, true)
})()`
