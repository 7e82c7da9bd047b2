import { createContext, useContext, useRef } from 'react'
import { useDialogFocus } from './dialog-focus'
import type { HelpSection, Shortcut } from '../features/feature'
import { type Column, Table } from './table'

/**
 * The keyboard help's sections, provided by the app shell from the features' own shortcut lists,
 * so a view that opens the help never has to know the other views' keys.
 */
export const HelpSectionsContext = createContext<readonly HelpSection[]>([])

const KEY_COLUMNS: readonly Column<Shortcut>[] = [
  { key: 'keys', header: 'Key', cell: (s) => <kbd>{s.keys}</kbd> },
  { key: 'does', header: 'What it does', cell: (s) => s.does },
]

export function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  const sections = useContext(HelpSectionsContext)
  const dialog = useRef<HTMLDivElement>(null)
  useDialogFocus(dialog)
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={onClose}>
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="modal card help-overlay"
        onMouseDown={(e) => {
          e.stopPropagation()
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose()
        }}
      >
        <h2>Keyboard shortcuts</h2>
        {sections.map((section) => (
          <Table
            key={section.title}
            label={`${section.title} keys`}
            caption={section.title}
            columns={KEY_COLUMNS}
            rows={section.shortcuts}
            rowKey={(s) => s.keys}
          />
        ))}
        <div className="buttons">
          <button type="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
