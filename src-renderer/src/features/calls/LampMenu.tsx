import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'

export interface LampMenuItem {
  readonly label: string
  readonly run: () => void
  /** Why it cannot be chosen now, in words: shown greyed with this under its label. */
  readonly off?: string | undefined
}

/** A line between the menu's parts (the lamp's calls, what features add, its groups). */
export const SEPARATOR = 'separator' as const
export type LampMenuEntry = LampMenuItem | typeof SEPARATOR

interface Props {
  /** Names the menu: `Extension 105`. */
  readonly label: string
  /** Where it opens (viewport pixels): under the lamp, or where it was right-clicked. */
  readonly at: { readonly x: number; readonly y: number }
  readonly items: readonly LampMenuEntry[]
  /** Closes it; `refocus` gives the keyboard back to what opened it (Escape, or an item chosen). */
  readonly onClose: (refocus: boolean) => void
}

/** Keeps the menu whole inside the viewport: opened near an edge, it opens the other way. */
function placed(at: { x: number; y: number }, box: DOMRect): { left: number; top: number } {
  const left = at.x + box.width > window.innerWidth - 4 ? Math.max(4, window.innerWidth - box.width - 4) : at.x
  const top = at.y + box.height > window.innerHeight - 4 ? Math.max(4, at.y - box.height) : at.y
  return { left, top }
}

/**
 * A lamp's menu (also a lamp group's): what can be done with it now. Entries that cannot be chosen
 * now stay, greyed, with the reason under them, so the operator learns why rather than wonders
 * where they went. A menu in the page's top layer, so the lamps' scrolling grid does not clip it;
 * arrow keys, Home and End move, Enter chooses, Escape, Tab or a click elsewhere closes.
 */
export function LampMenu({ label, at, items, onClose }: Props): React.JSX.Element {
  const ref = useRef<HTMLUListElement>(null)
  const [position, setPosition] = useState<{ left: number; top: number }>({ left: at.x, top: at.y })
  const idBase = useId()

  useLayoutEffect(() => {
    if (ref.current !== null) setPosition(placed(at, ref.current.getBoundingClientRect()))
  }, [at])

  useEffect(() => {
    ref.current?.querySelector<HTMLElement>('[role=menuitem]:not([aria-disabled])')?.focus()
    if (ref.current?.contains(document.activeElement) !== true) ref.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus()
    const away = (e: MouseEvent): void => {
      if (!(e.target instanceof Node) || ref.current?.contains(e.target) !== true) onClose(false)
    }
    document.addEventListener('mousedown', away)
    return () => {
      document.removeEventListener('mousedown', away)
    }
  }, [onClose])

  const focusAt = (pick: (buttons: HTMLElement[], at: number) => number): void => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])]
    if (buttons.length === 0) return
    const at = buttons.findIndex((b) => b === document.activeElement)
    buttons[(pick(buttons, at) + buttons.length) % buttons.length]?.focus()
  }

  return createPortal(
    <ul
      ref={ref}
      role="menu"
      aria-label={label}
      className="lamp-menu card"
      style={position}
      onKeyDown={(e) => {
        // The calls screen's own keys (Escape clears the selection, letters act) stay out of a menu.
        e.stopPropagation()
        if (e.key === 'Escape') onClose(true)
        else if (e.key === 'Tab') onClose(false)
        else if (e.key === 'ArrowDown') focusAt((_, i) => i + 1)
        else if (e.key === 'ArrowUp') focusAt((_, i) => (i < 0 ? -1 : i - 1))
        else if (e.key === 'Home') focusAt(() => 0)
        else if (e.key === 'End') focusAt((b) => b.length - 1)
        else return
        if (e.key !== 'Tab') e.preventDefault()
      }}
    >
      {items.map((item, i) =>
        item === SEPARATOR ? (
          <li key={`sep-${String(i)}`} role="separator" className="lamp-menu-separator" />
        ) : (
          <li key={item.label} role="none">
            <button
              type="button"
              role="menuitem"
              aria-disabled={item.off !== undefined || undefined}
              aria-describedby={item.off === undefined ? undefined : `${idBase}-${String(i)}`}
              title={item.off}
              onClick={() => {
                if (item.off !== undefined) return
                onClose(true)
                item.run()
              }}
            >
              {item.label}
              {item.off !== undefined && (
                <span id={`${idBase}-${String(i)}`} className="lamp-menu-why" aria-hidden="true">
                  {item.off}
                </span>
              )}
            </button>
          </li>
        ),
      )}
    </ul>,
    document.body,
  )
}
