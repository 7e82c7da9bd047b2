import { useState } from 'react'
import type { ExtensionStateName, LiveState } from '../../../../src-preload/types/live'
import { partyLabel } from './format'

const STATE_TEXT: Record<ExtensionStateName, { label: string; icon: string }> = {
  NOT_INUSE: { label: 'Available', icon: '●' },
  INUSE: { label: 'On a call', icon: '◐' },
  BUSY: { label: 'Busy', icon: '■' },
  UNAVAILABLE: { label: 'Offline', icon: '○' },
  RINGING: { label: 'Ringing', icon: '◎' },
  RINGINUSE: { label: 'Ringing (on a call)', icon: '◎' },
  ONHOLD: { label: 'On hold', icon: '❚❚' },
  UNKNOWN: { label: 'Unknown', icon: '?' },
}

interface Props {
  readonly state: LiveState
  readonly onDropCall: (callId: string, extension: string) => void
  readonly onDial: (extension: string) => void
}

/**
 * Busy-lamp field: every extension with colour and icon per state (ringing blinks), who it is
 * talking to, a search box, and a drop target for transferring a dragged call.
 */
export function BlfGrid({ state, onDropCall, onDial }: Props): React.JSX.Element {
  const [query, setQuery] = useState('')
  const [over, setOver] = useState<string | null>(null)
  const extensions = Object.values(state.extensions)
    .filter((e) => /^\d+$/.test(e.id))
    .filter((e) => query === '' || e.id.includes(query) || e.hint.toLowerCase().includes(query.toLowerCase()))
    .sort((a, b) => a.id.localeCompare(b.id, undefined, { numeric: true }))

  return (
    <section className="card blf" aria-label="Extensions">
      <div className="row-between">
        <h2>Extensions</h2>
        <input type="search" aria-label="Search extensions" placeholder="Search" value={query} onChange={(e) => { setQuery(e.currentTarget.value) }} />
      </div>
      <ul className="blf-grid">
        {extensions.map((ext) => {
          const s = STATE_TEXT[ext.state]
          const talkingTo = ext.callIds
            .map((id) => state.calls[id])
            .filter((c) => c !== undefined)
            .map((c) => {
              const caller = partyLabel(c.caller)
              const callee = partyLabel(c.callee)
              return c.caller.number === ext.id ? callee.primary : caller.primary
            })
          return (
            <li key={ext.id}>
              <button
                type="button"
                className={`blf-tile blf-${ext.state}${over === ext.id ? ' drop-over' : ''}`}
                aria-label={`Extension ${ext.id}, ${s.label}${talkingTo.length > 0 ? `, with ${talkingTo.join(', ')}` : ''}`}
                title={`Dial ${ext.id} · drop a call here to transfer it`}
                data-extension={ext.id}
                onClick={() => { onDial(ext.id) }}
                onDragOver={(e) => {
                  if (e.dataTransfer.types.includes('application/x-attendant-call')) {
                    e.preventDefault()
                    setOver(ext.id)
                  }
                }}
                onDragLeave={() => { setOver(null) }}
                onDrop={(e) => {
                  e.preventDefault()
                  setOver(null)
                  const callId = e.dataTransfer.getData('application/x-attendant-call')
                  if (callId !== '') onDropCall(callId, ext.id)
                }}
              >
                <span className="blf-icon" aria-hidden="true">
                  {s.icon}
                </span>
                <span className="blf-num">{ext.id}</span>
                <span className="blf-sub">{talkingTo.length > 0 ? talkingTo.join(', ') : s.label}</span>
              </button>
            </li>
          )
        })}
      </ul>
      {extensions.length === 0 && <p className="muted small">No extensions reported yet.</p>}
    </section>
  )
}
