import { createContext, useContext } from 'react'
import { ModalDialog } from './ModalDialog'
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
  return (
    <ModalDialog label="Keyboard shortcuts" className="help-overlay" onClose={onClose} escapeBubbles>
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
    </ModalDialog>
  )
}
