export const SHORTCUTS: readonly [string, string][] = [
  ['/', 'Search calls'],
  ['D', 'Focus the dial box (Enter dials)'],
  ['↑ / ↓', 'Select the previous / next call'],
  ['Home / End', 'Select the first / last call'],
  ['Enter', 'Select the suggested call (the longest ringing)'],
  ['H', 'Hang up the selected call'],
  ['T', 'Blind transfer the selected call'],
  ['A', 'Attended transfer (from your own phone)'],
  ['C / X', 'Complete / cancel an attended transfer'],
  ['P', 'Park the selected call'],
  ['U', 'Pick up the selected (else the longest) parked call at your phone'],
  ['V', 'Send the selected call to voicemail'],
  ['Alt+1…5', 'Calls, Queues, History, Admin, Settings'],
  ['?', 'This help'],
  ['Esc', 'Close a dialog, else clear the selection'],
]

export function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <div className="modal-backdrop" role="presentation" onMouseDown={onClose}>
      <div role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" className="modal card" onMouseDown={(e) => { e.stopPropagation() }}>
        <h2>Keyboard shortcuts</h2>
        <table className="grid">
          <tbody>
            {SHORTCUTS.map(([key, what]) => (
              <tr key={key}>
                <td>
                  <kbd>{key}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="buttons">
          <button type="button" autoFocus onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </div>
  )
}
