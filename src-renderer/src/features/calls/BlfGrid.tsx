import { memo, useCallback, useMemo, useState } from 'react'
import type { ExtensionStateName } from '../../../../src-preload/types/live'
import { useCallAdditions } from '../../actions/call-additions'
import { liveTables, useLiveStore } from '../../stores/live-store'
import { StaleNote } from '../../components/StaleNote'
import { talkingTo } from './blf-model'
import { LampMenu, type LampMenuItem } from './LampMenu'

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

interface TileProps {
  readonly id: string
  readonly state: ExtensionStateName
  /** The extension's calls (a new array only when they change), cut to the first few by main. */
  readonly callIds: readonly string[]
  /** How many calls in all when callIds was cut. */
  readonly callCount: number | undefined
  readonly over: boolean
  /** Why dialling and transfers are off now (the lamps are not current either), or undefined. */
  readonly actionsOff: string | undefined
  readonly onDial: (extension: string) => void
  readonly onDropCall: (callId: string, extension: string) => void
  readonly setOver: (extension: string | null) => void
  /** Opens the lamp's menu at a point of the viewport. */
  readonly onMenu: (extension: string, at: { x: number; y: number }) => void
}

/**
 * One tile, memoised on plain values. Who it talks to is its own subscription (a short string,
 * compared by value), so under load only the tiles whose text changed re-render.
 */
const BlfTile = memo(function BlfTile({
  id,
  state,
  callIds,
  callCount,
  over,
  actionsOff,
  onDial,
  onDropCall,
  setOver,
  onMenu,
}: TileProps): React.JSX.Element {
  const peers = useLiveStore(() => talkingTo({ id, callIds, callCount }, liveTables.tables.calls))
  const s = STATE_TEXT[state]
  return (
    <li>
      <button
        type="button"
        className={`blf-tile blf-${state}${over ? ' drop-over' : ''}`}
        aria-label={`Extension ${id}, ${s.label}${peers !== '' ? `, with ${peers}` : ''}`}
        title={actionsOff ?? `Dial ${id} · drop a call here to transfer it · right-click for more`}
        aria-disabled={actionsOff !== undefined || undefined}
        aria-haspopup="menu"
        data-extension={id}
        onClick={() => {
          onDial(id)
        }}
        onContextMenu={(e) => {
          e.preventDefault()
          onMenu(id, { x: e.clientX, y: e.clientY })
        }}
        onKeyDown={(e) => {
          // The keyboard's menu key, or Shift+F10, opens the lamp's menu under it.
          if (e.key !== 'ContextMenu' && !(e.key === 'F10' && e.shiftKey)) return
          e.preventDefault()
          const box = e.currentTarget.getBoundingClientRect()
          onMenu(id, { x: box.left, y: box.bottom })
        }}
        onDragOver={(e) => {
          if (e.dataTransfer.types.includes('application/x-attendant-call')) {
            e.preventDefault()
            setOver(id)
          }
        }}
        onDragLeave={() => {
          setOver(null)
        }}
        onDrop={(e) => {
          e.preventDefault()
          setOver(null)
          const callId = e.dataTransfer.getData('application/x-attendant-call')
          if (callId !== '') onDropCall(callId, id)
        }}
      >
        <span className="blf-icon" aria-hidden="true">
          {s.icon}
        </span>
        <span className="blf-num">{id}</span>
        <span className="blf-sub">{peers !== '' ? peers : s.label}</span>
      </button>
    </li>
  )
})

interface Props {
  readonly onDropCall: (callId: string, extension: string) => void
  readonly onDial: (extension: string) => void
}

const byNumber = new Intl.Collator(undefined, { numeric: true })

/**
 * Busy-lamp field: every extension with colour and icon per state (ringing blinks), who it is
 * talking to, a search box, and a drop target for transferring a dragged call.
 */
export const BlfGrid = memo(function BlfGrid({ onDropCall, onDial }: Props): React.JSX.Element {
  const extensions = useLiveStore((s) => s.state.extensions)
  const actionsOff = useLiveStore((s) => s.health.actionsOff)
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  const [query, setQuery] = useState('')
  const [over, setOver] = useState<string | null>(null)
  const [menu, setMenu] = useState<{ id: string; at: { x: number; y: number } } | null>(null)
  const { lampActions } = useCallAdditions()
  const openMenu = useCallback((id: string, at: { x: number; y: number }): void => {
    setMenu({ id, at })
  }, [])
  const closeMenu = useCallback((refocus: boolean): void => {
    setMenu((shownMenu) => {
      if (refocus && shownMenu !== null) document.querySelector<HTMLElement>(`.blf-tile[data-extension="${shownMenu.id}"]`)?.focus()
      return null
    })
  }, [])
  // Read when the menu shows: what the lamp offers follows its state (a pickup only while it rings).
  const menuExtension = menu === null ? undefined : extensions[menu.id]
  const menuItems: LampMenuItem[] =
    menuExtension === undefined
      ? []
      : [
          {
            label: `Dial ${menuExtension.id}`,
            run: () => {
              onDial(menuExtension.id)
            },
          },
          ...lampActions
            .filter((a) => a.offered(menuExtension))
            .map((a) => ({
              label: a.label(menuExtension),
              run: () => {
                a.run(menuExtension.id)
              },
            })),
        ]
  // Re-sorted only when the extensions or the search change, not on every call patch.
  const shown = useMemo(() => {
    const q = query.toLowerCase()
    return Object.values(extensions)
      .filter((e) => /^\d+$/.test(e.id))
      .filter((e) => query === '' || e.id.includes(query) || e.hint.toLowerCase().includes(q))
      .sort((a, b) => byNumber.compare(a.id, b.id))
  }, [extensions, query])

  return (
    <section className={`card blf${stale ? ' stale' : ''}`} aria-label="Extensions">
      <div className="row-between">
        <h2>Extensions</h2>
        <StaleNote className="inline" />
        <input
          type="search"
          aria-label="Search extensions"
          placeholder="Search"
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
          }}
        />
      </div>
      <ul className="blf-grid">
        {shown.map((ext) => (
          <BlfTile
            key={ext.id}
            id={ext.id}
            state={ext.state}
            callIds={ext.callIds}
            callCount={ext.callCount}
            over={over === ext.id}
            actionsOff={actionsOff}
            onDial={onDial}
            onDropCall={onDropCall}
            setOver={setOver}
            onMenu={openMenu}
          />
        ))}
      </ul>
      {menu !== null && menuExtension !== undefined && <LampMenu extension={menu.id} at={menu.at} items={menuItems} onClose={closeMenu} />}
      {shown.length === 0 && <p className="muted small">No extensions reported yet.</p>}
    </section>
  )
})
