import { useEffect, useRef } from 'react'
import { createPortal } from 'react-dom'

export interface LampMenuItem {
  readonly label: string
  readonly run: () => void
}

interface Props {
  readonly extension: string
  /** Where it opens (viewport pixels): under the lamp, or where it was right-clicked. */
  readonly at: { readonly x: number; readonly y: number }
  readonly items: readonly LampMenuItem[]
  /** Closes it; `refocus` gives the keyboard back to the lamp (Escape, or an item chosen). */
  readonly onClose: (refocus: boolean) => void
}

/**
 * A lamp's menu: what can be done with this extension now (dial it, and what features add, such as
 * picking up its ringing call). A menu in the page's top layer, so the lamps' scrolling grid does
 * not clip it; arrow keys move, Enter chooses, Escape or a click elsewhere closes.
 */
export function LampMenu({ extension, at, items, onClose }: Props): React.JSX.Element {
  const ref = useRef<HTMLUListElement>(null)

  useEffect(() => {
    ref.current?.querySelector('button')?.focus()
    const away = (e: MouseEvent): void => {
      if (!(e.target instanceof Node) || ref.current?.contains(e.target) !== true) onClose(false)
    }
    document.addEventListener('mousedown', away)
    return () => {
      document.removeEventListener('mousedown', away)
    }
  }, [onClose])

  const move = (delta: number): void => {
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])]
    const at = buttons.findIndex((b) => b === document.activeElement)
    buttons.at((at + delta) % buttons.length)?.focus()
  }

  return createPortal(
    <ul
      ref={ref}
      role="menu"
      aria-label={`Extension ${extension}`}
      className="lamp-menu card"
      style={{ left: at.x, top: at.y }}
      onKeyDown={(e) => {
        // The calls screen's own keys (Escape clears the selection, letters act) stay out of a menu.
        e.stopPropagation()
        if (e.key === 'Escape') onClose(true)
        else if (e.key === 'ArrowDown') move(1)
        else if (e.key === 'ArrowUp') move(-1)
        else return
        e.preventDefault()
      }}
    >
      {items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              onClose(true)
              item.run()
            }}
          >
            {item.label}
          </button>
        </li>
      ))}
    </ul>,
    document.body,
  )
}
