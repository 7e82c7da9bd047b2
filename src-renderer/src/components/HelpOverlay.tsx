import { createContext, useContext } from 'react'
import type { HelpSection } from '../features/feature'

/**
 * The keyboard help's sections, provided by the app shell from the features' own shortcut lists,
 * so a view that opens the help never has to know the other views' keys.
 */
export const HelpSectionsContext = createContext<readonly HelpSection[]>([])

export function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  const sections = useContext(HelpSectionsContext)
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="modal card"
        onMouseDown={(e) => { e.stopPropagation() }}
        onKeyDown={(e) => { if (e.key === 'Escape') onClose() }}
      >
        <h2>Keyboard shortcuts</h2>
        {sections.map((section) => (
          <table key={section.title} className="grid">
            <caption>{section.title}</caption>
            <tbody>
              {section.shortcuts.map(({ keys, does }) => (
                <tr key={keys}>
                  <td>
                    <kbd>{keys}</kbd>
                  </td>
                  <td>{does}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
