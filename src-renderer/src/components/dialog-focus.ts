import { useEffect, useState, type RefObject } from 'react'

/** What Tab can reach inside a dialog (disabled and hidden controls are skipped below). */
const FOCUSABLE = 'a[href], button, input, select, textarea, summary, [tabindex]'

function tabbable(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.matches(':disabled') && el.getClientRects().length > 0 && el.closest('[inert]') === null,
  )
}

/**
 * The focus rules of a modal dialog, for every dialog of the console: Tab and Shift+Tab go round
 * inside it (a keyboard or screen-reader user never lands behind the backdrop), focus moves in when
 * it opens (unless the dialog already placed it, e.g. on its first field) and goes back to whatever
 * opened it when it closes, so the operator carries on where they were. Escape stays the dialog's
 * own: some clear a field first.
 */
export function useDialogFocus(dialog: RefObject<HTMLElement | null>): void {
  // Read at the first render: by the time effects run, an autofocus inside has already moved the focus.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(() => {
    const root = dialog.current
    if (root === null) return
    // After the dialog's own autofocus (effects of children run first).
    if (!root.contains(document.activeElement)) (tabbable(root)[0] ?? root).focus()
    const onKeyDown = (e: KeyboardEvent): void => {
      if (e.key !== 'Tab') return
      const inside = tabbable(root)
      const first = inside[0]
      const last = inside[inside.length - 1]
      if (first === undefined || last === undefined) {
        e.preventDefault()
        return
      }
      const at = document.activeElement
      if (e.shiftKey && (at === first || !root.contains(at))) {
        e.preventDefault()
        last.focus()
      } else if (!e.shiftKey && (at === last || !root.contains(at))) {
        e.preventDefault()
        first.focus()
      }
    }
    root.addEventListener('keydown', onKeyDown)
    return () => {
      root.removeEventListener('keydown', onKeyDown)
      // Back to the opener, if it is still there and nothing else took the focus meanwhile.
      if (opener?.isConnected === true && (document.activeElement === document.body || root.contains(document.activeElement))) opener.focus()
    }
  }, [dialog, opener])
}
