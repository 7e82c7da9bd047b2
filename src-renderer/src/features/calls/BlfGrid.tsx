import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { ExtensionStateName, LiveExtension } from '../../../../src-preload/types/live'
import type { SeatLamps } from '../../../../src-preload/types/settings'
import { useCallAdditions } from '../../actions/call-additions'
import { liveTables, useLiveStore } from '../../stores/live-store'
import { StaleNote } from '../../components/StaleNote'
import { lampPresenceBadge, useLampSinceShown } from '../../components/lamp-presence'
import { lampVoicemailBadge } from '../voicemail/LampVoicemail'
import type { LampSeatView } from '../feature'
import {
  addToGroup,
  createGroup,
  deleteGroup,
  lampCallEntries,
  lampsShown,
  type LampSeat,
  type LampsChange,
  moveGroup,
  moveInGroup,
  removeFromGroup,
  renameGroup,
  seatOff,
  shownGroup,
  showGroup,
  talkingTo,
} from './blf-model'
import { saveSeatLamps, useSeatLamps } from './lamp-groups'
import { LAMP_DEFAULT_VIEW, LAMP_GAP_PX, LAMP_PITCH_PX, lampColumnPx, lampColumns, lampWindow, scrollToShowRow } from './lamp-window'
import { type LampFonts, lampFontsOf, widestLampText } from './lamp-text'
import { LampMenu, type LampMenuEntry, SEPARATOR } from './LampMenu'
import { useToastStore } from '../../stores/toast-store'
import { nameOf, useDirectoryRevision } from '../../stores/directory-store'
import { usePhonebookStore } from '../../stores/phonebook-store'
import { tr } from '../../i18n'
import { strings } from './strings'
import { strings as common } from '../../../../src-preload/i18n/strings/common'

const t = tr(strings)
const c = tr(common)

/** Each lamp state's icon and word (the word's key: read in the shown language when the tile draws). */
const STATE_TEXT: Record<ExtensionStateName, { label: Parameters<typeof t>[0]; icon: string }> = {
  NOT_INUSE: { label: 'lamp.available', icon: '●' },
  INUSE: { label: 'lamp.inUse', icon: '◐' },
  BUSY: { label: 'lamp.busy', icon: '■' },
  UNAVAILABLE: { label: 'lamp.offline', icon: '○' },
  RINGING: { label: 'lamp.ringing', icon: '◎' },
  RINGINUSE: { label: 'lamp.ringInUse', icon: '◎' },
  ONHOLD: { label: 'lamp.onHold', icon: '❚❚' },
  UNKNOWN: { label: 'lamp.unknown', icon: '?' },
}

/** What the lamps do with an extension, handed down by the calls screen (stable callbacks). */
export interface LampCommands {
  readonly dial: (extension: string) => void
  readonly dropCall: (callId: string, extension: string) => void
  /** Blind-transfers the selected call to the extension. */
  readonly transferSelected: (extension: string) => void
  /** Sends the selected call to the extension's voicemail. */
  readonly voicemailSelected: (extension: string) => void
}

interface TileProps {
  readonly id: string
  readonly state: ExtensionStateName
  /** The extension's calls (a new array only when they change), cut to the first few by main. */
  readonly callIds: readonly string[]
  /** How many calls in all when callIds was cut. */
  readonly callCount: number | undefined
  readonly over: boolean
  readonly selected: boolean
  /** The one lamp the Tab key reaches (the selected one, else the first): arrows move from it. */
  readonly tabStop: boolean
  /** Why dialling and transfers are off now (the lamps are not current either), or undefined. */
  readonly actionsOff: string | undefined
  /**
   * The extension's name, on the first line after its number (`105 Eva Fischer`), and a badge at
   * the line's end (do-not-disturb, forwarding): the tile keeps room for both.
   */
  readonly name?: string | undefined
  readonly badge?: React.ReactNode
  /** Where the tile is in the whole list (1-based) and how many there are: only a window of them is drawn. */
  readonly position: number
  readonly setSize: number
  readonly onSelect: (extension: string) => void
  readonly onDial: (extension: string) => void
  readonly onDropCall: (callId: string, extension: string) => void
  readonly onKeys: (e: React.KeyboardEvent<HTMLButtonElement>, extension: string) => void
  readonly setOver: (extension: string | null) => void
  /** Opens the lamp's menu at a point of the viewport. */
  readonly onMenu: (extension: string, at: { x: number; y: number }) => void
}

/**
 * One tile, memoised on plain values. Who it talks to is its own subscription (a short string,
 * compared by value), so under load only the tiles whose text changed re-render. A click selects
 * it (a misclick places no call); a double-click or Enter calls.
 */
const BlfTile = memo(function BlfTile({
  id,
  state,
  callIds,
  callCount,
  over,
  selected,
  tabStop,
  actionsOff,
  name,
  badge,
  position,
  setSize,
  onSelect,
  onDial,
  onDropCall,
  onKeys,
  setOver,
  onMenu,
}: TileProps): React.JSX.Element {
  const peers = useLiveStore(() => talkingTo({ id, callIds, callCount }, liveTables.tables.calls))
  // A lamp in a call names the other party from the phonebook too: re-rendered when contacts change (idle lamps are not).
  usePhonebookStore((p) => (peers === '' ? 0 : p.revision))
  // The time in state sits in the second line's corner: the state line keeps clear of it (a class, not a :has() rule).
  const since = useLampSinceShown(id)
  const s = STATE_TEXT[state]
  const stateWord = t(s.label)
  const classes = `blf-tile blf-${state}${over ? ' drop-over' : ''}${selected ? ' selected' : ''}${since ? ' with-since' : ''}`
  const named = name !== undefined && name !== ''
  return (
    <li aria-posinset={position} aria-setsize={setSize}>
      <button
        type="button"
        className={classes}
        aria-pressed={selected}
        // The whole name first: a name too long for the widest column ends in an ellipsis on the tile.
        title={`${named ? `${id} ${name}` : id}\n${actionsOff ?? t('lamp.help')}`}
        aria-disabled={actionsOff !== undefined || undefined}
        aria-haspopup="menu"
        tabIndex={tabStop ? 0 : -1}
        data-extension={id}
        onClick={() => {
          onSelect(id)
        }}
        onDoubleClick={() => {
          onDial(id)
        }}
        onContextMenu={(e) => {
          e.preventDefault()
          onSelect(id)
          onMenu(id, { x: e.clientX, y: e.clientY })
        }}
        onKeyDown={(e) => {
          onKeys(e, id)
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
        {/* The name is the tile's own text, in reading order ('Extension 101 Anna Berger, On a call, with
            Zoë Ångström', then the presence badge): a screen reader says all a sighted operator sees, and
            nothing visible is missing from the name (an aria-label left the badge and the time out). */}
        <span className="blf-head">
          <span className="sr-only">{t('lamp.srExtension')} </span>
          <span className="blf-num">{id}</span>
          {named && <span className="blf-name">{name}</span>}
        </span>
        <span className="blf-sub">
          <span className="sr-only">, </span>
          {peers !== '' ? (
            <>
              <span className="sr-only">{t('lamp.srWith', { state: stateWord })} </span>
              {peers}
            </>
          ) : (
            stateWord
          )}
        </span>
        <span className="blf-badge">{badge}</span>
      </button>
    </li>
  )
})

type Editing = { readonly kind: 'new' } | { readonly kind: 'rename'; readonly from: string } | null

/**
 * Saves a change of the groups, or says why it was not made (the name field keeps what was typed).
 * Returns the problem, if any.
 */
function apply(change: LampsChange): string | undefined {
  if (change.ok) saveSeatLamps(change.lamps)
  return change.ok ? undefined : change.problem
}

/** The row of group tabs: All, the seat's groups, New group; a group's menu renames, moves or deletes it. */
function GroupTabs({ lamps, counts }: { lamps: SeatLamps; counts: { all: number; byGroup: Readonly<Record<string, number>> } }): React.JSX.Element {
  const shown = shownGroup(lamps)?.name
  const [editing, setEditing] = useState<Editing>(null)
  const [draft, setDraft] = useState('')
  const [problem, setProblem] = useState<string | undefined>()
  const [menu, setMenu] = useState<{ name: string; at: { x: number; y: number } } | null>(null)
  const [confirmDelete, setConfirmDelete] = useState<string | null>(null)
  const tabsRef = useRef<HTMLDivElement>(null)
  const tabs: (string | undefined)[] = [undefined, ...lamps.groups.map((g) => g.name)]

  const focusTab = (name: string | undefined): void => {
    requestAnimationFrame(() => {
      tabsRef.current?.querySelector<HTMLElement>(`[role=tab][data-group="${CSS.escape(name ?? '')}"]`)?.focus()
    })
  }
  const startEditing = (next: Editing, text: string): void => {
    setEditing(next)
    setDraft(text)
    setProblem(undefined)
  }
  const commit = (): void => {
    if (editing === null) return
    const p = apply(editing.kind === 'new' ? createGroup(lamps, draft) : renameGroup(lamps, editing.from, draft))
    setProblem(p)
    if (p === undefined) {
      setEditing(null)
      focusTab(draft.trim())
    }
  }
  const remove = (name: string): void => {
    saveSeatLamps(deleteGroup(lamps, name))
    setConfirmDelete(null)
    useToastStore.getState().push('ok', t('groups.deleted', { name }))
    focusTab(undefined)
  }
  const closeMenu = useCallback((refocus: boolean) => {
    setMenu((m) => {
      if (refocus && m !== null) focusTab(m.name)
      return null
    })
  }, [])

  const menuGroup = menu === null ? undefined : lamps.groups.find((g) => g.name === menu.name)
  const at = menuGroup === undefined ? -1 : lamps.groups.indexOf(menuGroup)
  const menuItems: LampMenuEntry[] =
    menuGroup === undefined
      ? []
      : [
          {
            label: t('groups.renameItem', { name: menuGroup.name }),
            run: () => {
              startEditing({ kind: 'rename', from: menuGroup.name }, menuGroup.name)
            },
          },
          {
            label: t('groups.moveLeft'),
            off: at <= 0 ? t('groups.isFirst') : undefined,
            run: () => {
              saveSeatLamps(moveGroup(lamps, menuGroup.name, -1))
            },
          },
          {
            label: t('groups.moveRight'),
            off: at >= lamps.groups.length - 1 ? t('groups.isLast') : undefined,
            run: () => {
              saveSeatLamps(moveGroup(lamps, menuGroup.name, 1))
            },
          },
          SEPARATOR,
          {
            label: t('groups.deleteItem', { name: menuGroup.name }),
            run: () => {
              if (menuGroup.extensions.length === 0) remove(menuGroup.name)
              else setConfirmDelete(menuGroup.name)
            },
          },
        ]

  const onTabKeys = (e: React.KeyboardEvent<HTMLButtonElement>, name: string | undefined): void => {
    const i = tabs.indexOf(name)
    const to: Readonly<Record<string, number>> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }
    const index = to[e.key]
    if (index !== undefined) {
      e.preventDefault()
      e.stopPropagation()
      const next = tabs[(index + tabs.length) % tabs.length]
      saveSeatLamps(showGroup(lamps, next))
      focusTab(next)
    } else if (name !== undefined && (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))) {
      e.preventDefault()
      const box = e.currentTarget.getBoundingClientRect()
      setMenu({ name, at: { x: box.left, y: box.bottom } })
      return
    } else if (name !== undefined && e.key === 'F2') {
      e.preventDefault()
      startEditing({ kind: 'rename', from: name }, name)
    }
  }

  return (
    <div className="lamp-groups" ref={tabsRef}>
      <div role="tablist" aria-label={t('groups.label')} className="lamp-tabs">
        {tabs.map((name) =>
          editing?.kind === 'rename' && editing.from === name ? null : (
            <button
              key={name ?? ''}
              type="button"
              role="tab"
              data-group={name ?? ''}
              aria-selected={shown === name}
              tabIndex={shown === name ? 0 : -1}
              className="lamp-tab"
              title={name === undefined ? t('groups.allTitle') : t('groups.tabTitle', { name })}
              onClick={() => {
                saveSeatLamps(showGroup(lamps, name))
              }}
              onContextMenu={(e) => {
                if (name === undefined) return
                e.preventDefault()
                setMenu({ name, at: { x: e.clientX, y: e.clientY } })
              }}
              onKeyDown={(e) => {
                onTabKeys(e, name)
              }}
            >
              {name ?? t('groups.all')} <span className="lamp-tab-count">{name === undefined ? counts.all : (counts.byGroup[name] ?? 0)}</span>
            </button>
          ),
        )}
      </div>
      {editing !== null ? (
        <span className="lamp-group-edit">
          <input
            autoFocus
            aria-label={editing.kind === 'new' ? t('groups.newName') : t('groups.renameLabel', { name: editing.from })}
            aria-invalid={problem !== undefined || undefined}
            aria-describedby={problem !== undefined ? 'lamp-group-problem' : undefined}
            placeholder={t('groups.namePlaceholder')}
            maxLength={60}
            value={draft}
            onChange={(e) => {
              setDraft(e.currentTarget.value)
              setProblem(undefined)
            }}
            onKeyDown={(e) => {
              e.stopPropagation()
              if (e.key === 'Enter') commit()
              else if (e.key === 'Escape') {
                setEditing(null)
                focusTab(editing.kind === 'rename' ? editing.from : shown)
              }
            }}
          />
          <button type="button" onClick={commit}>
            {editing.kind === 'new' ? c('add') : t('groups.rename')}
          </button>
          <button
            type="button"
            onClick={() => {
              setEditing(null)
            }}
          >
            {c('cancel')}
          </button>
          {problem !== undefined && (
            <span id="lamp-group-problem" className="field-error" role="status">
              {problem}
            </span>
          )}
        </span>
      ) : confirmDelete !== null ? (
        <span className="lamp-group-edit" role="group" aria-label={t('groups.deleteLabel', { name: confirmDelete })}>
          <span>{t('groups.deleteQuestion', { name: confirmDelete, count: counts.byGroup[confirmDelete] ?? 0 })}</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              remove(confirmDelete)
            }}
          >
            {c('delete')}
          </button>
          <button
            type="button"
            autoFocus
            onClick={() => {
              setConfirmDelete(null)
              focusTab(confirmDelete)
            }}
          >
            {t('groups.keep')}
          </button>
        </span>
      ) : (
        <button
          type="button"
          className="link lamp-new-group"
          onClick={() => {
            startEditing({ kind: 'new' }, '')
          }}
        >
          {t('groups.new')}
        </button>
      )}
      {menu !== null && menuGroup !== undefined && (
        <LampMenu label={t('lamps.group', { name: menu.name })} at={menu.at} items={menuItems} onClose={closeMenu} />
      )}
    </div>
  )
}

interface Props {
  readonly commands: LampCommands
}

/**
 * Busy-lamp field: the extensions of the shown group (or all of them) with colour and icon per
 * state (ringing blinks), who each talks to, a search box, a menu per lamp, and a drop target
 * for transferring a dragged call. One lamp is selected at a time; the arrow keys move between
 * lamps, `[` and `]` (or the tabs) between groups.
 */
export const BlfGrid = memo(function BlfGrid({ commands }: Props): React.JSX.Element {
  const extensions = useLiveStore((s) => s.state.extensions)
  // The PBX's names on the tiles ("105 Eva Fischer"): re-rendered when the directory changes.
  const names = useDirectoryRevision()
  const actionsOff = useLiveStore((s) => s.health.actionsOff)
  const stale = useLiveStore((s) => s.health.stale !== undefined)
  const status = useLiveStore((s) => (s.profileId === null ? undefined : s.statuses[s.profileId]))
  const lamps = useSeatLamps()
  const group = shownGroup(lamps)
  const [query, setQuery] = useState('')
  const [over, setOver] = useState<string | null>(null)
  const [selectedLamp, setSelectedLamp] = useState<string | null>(null)
  const [menu, setMenu] = useState<{ id: string; at: { x: number; y: number } } | null>(null)
  const gridRef = useRef<HTMLUListElement>(null)
  const { lampActions } = useCallAdditions()

  const openMenu = useCallback((id: string, at: { x: number; y: number }): void => {
    setMenu({ id, at })
  }, [])
  // Only the rows in view are drawn: a lamp an arrow key moved to may be drawn by the next render.
  const pendingFocus = useRef<string | null>(null)
  const focusLamp = useCallback((id: string): void => {
    const tile = gridRef.current?.querySelector<HTMLElement>(`.blf-tile[data-extension="${CSS.escape(id)}"]`)
    pendingFocus.current = tile === null || tile === undefined ? id : null
    tile?.focus()
  }, [])
  useLayoutEffect(() => {
    const id = pendingFocus.current
    pendingFocus.current = null
    if (id !== null) gridRef.current?.querySelector<HTMLElement>(`.blf-tile[data-extension="${CSS.escape(id)}"]`)?.focus()
  })
  // The grid's size and fonts (measured once drawn, and again when it is resized) and its scrolled row.
  const [view, setView] = useState<{ readonly width: number; readonly height: number; readonly fonts: LampFonts }>({
    ...LAMP_DEFAULT_VIEW,
    fonts: { number: '', name: '' },
  })
  const [scrollRow, setScrollRow] = useState(0)
  useLayoutEffect(() => {
    const grid = gridRef.current
    if (grid === null) return
    const measure = (): void => {
      const fonts = lampFontsOf(grid)
      setView((v) =>
        v.width === grid.clientWidth && v.height === grid.clientHeight && v.fonts.number === fonts.number && v.fonts.name === fonts.name
          ? v
          : { width: grid.clientWidth, height: grid.clientHeight, fonts },
      )
    }
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(grid)
    return () => {
      observer.disconnect()
    }
  }, [])
  const revealRow = useCallback((row: number): void => {
    const grid = gridRef.current
    if (grid === null) return
    const top = scrollToShowRow(row, grid.scrollTop, grid.clientHeight)
    if (top === grid.scrollTop) return
    grid.scrollTop = top
    setScrollRow(Math.floor(top / LAMP_PITCH_PX))
  }, [])
  const closeMenu = useCallback(
    (refocus: boolean): void => {
      setMenu((shownMenu) => {
        if (refocus && shownMenu !== null) focusLamp(shownMenu.id)
        return null
      })
    },
    [focusLamp],
  )

  // Re-sorted only when the extensions, the group, the search or the names searched change, not on every call patch.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `names` is the directory's revision: lampsShown searches the directory.
  const shown = useMemo(() => lampsShown(extensions, group, query), [extensions, group, query, names])
  // As wide as the longest number and name shown needs (within bounds), as many columns as fit; the rows in view drawn.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `names` is the directory's revision: nameOf reads the directory.
  const columnPx = useMemo(() => lampColumnPx(widestLampText(shown, nameOf, view.fonts)), [shown, names, view.fonts])
  const columns = lampColumns(view.width, columnPx)
  const drawn = lampWindow(shown.length, columns, scrollRow * LAMP_PITCH_PX, view.height)
  // The arrow keys read the order and the columns as last drawn (the callback stays the same for the memoised tiles).
  const order = useRef({ shown, columns })
  useLayoutEffect(() => {
    order.current = { shown, columns }
  }, [shown, columns])
  const counts = useMemo(() => {
    const numeric = Object.keys(extensions).filter((id) => /^\d+$/.test(id))
    const byGroup = Object.fromEntries(lamps.groups.map((g) => [g.name, g.extensions.filter((id) => extensions[id] !== undefined).length]))
    return { all: numeric.length, byGroup }
  }, [extensions, lamps])

  const onKeys = useCallback(
    (e: React.KeyboardEvent<HTMLButtonElement>, id: string): void => {
      const { shown: list, columns: cols } = order.current
      const at = list.findIndex((x) => x.id === id)
      const step: Readonly<Record<string, number>> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -cols, ArrowDown: cols }
      let to: number | undefined
      if (e.key in step) to = at + (step[e.key] ?? 0)
      else if (e.key === 'Home') to = 0
      else if (e.key === 'End') to = list.length - 1
      else if (e.key === 'Enter') {
        e.preventDefault()
        e.stopPropagation()
        commands.dial(id)
        return
      } else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey)) {
        // The keyboard's menu key, or Shift+F10, opens the lamp's menu under it.
        e.preventDefault()
        const box = e.currentTarget.getBoundingClientRect()
        openMenu(id, { x: box.left, y: box.bottom })
        return
      } else return
      // The arrows move between lamps here, not through the calls list.
      e.preventDefault()
      e.stopPropagation()
      const index = Math.min(list.length - 1, Math.max(0, to))
      const next = list[index]
      if (next === undefined) return
      setSelectedLamp(next.id)
      revealRow(Math.floor(index / cols))
      focusLamp(next.id)
    },
    [commands, openMenu, focusLamp, revealRow],
  )

  const seatView: LampSeatView = {
    role: status?.role ?? 'receptionist',
    readOnly: status?.readOnly ?? false,
    ownExtension: status?.ownExtension ?? '',
  }
  const seat: LampSeat = { ...seatView, actionsOff }
  const menuItems = useLampMenuItems(menu === null ? undefined : extensions[menu.id], seat, seatView, lamps, commands, lampActions)
  const inView = shown.slice(drawn.from, drawn.to)
  // The Tab key reaches the grid at the selected lamp when it is drawn, else at the first lamp drawn.
  const tabStop = selectedLamp !== null && inView.some((e) => e.id === selectedLamp) ? selectedLamp : inView[0]?.id

  return (
    <section className={`card blf${stale ? ' stale' : ''}`} aria-label={t('lamps.label')}>
      <div className="row-between">
        <h2>{t('lamps.label')}</h2>
        <StaleNote className="inline" />
        <input
          type="search"
          aria-label={t('lamps.search')}
          placeholder={t('lamps.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.currentTarget.value)
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query !== '') {
              e.stopPropagation()
              setQuery('')
            }
          }}
        />
      </div>
      <GroupTabs lamps={lamps} counts={counts} />
      <ul
        ref={gridRef}
        className="blf-grid"
        aria-label={group === undefined ? t('lamps.all') : t('lamps.group', { name: group.name })}
        style={{ gridTemplateColumns: `repeat(${String(columns)}, minmax(0, 1fr))` }}
        onScroll={(e) => {
          setScrollRow(Math.floor(e.currentTarget.scrollTop / LAMP_PITCH_PX))
        }}
      >
        {drawn.padTop > 0 && <li className="blf-spacer" aria-hidden="true" style={{ height: drawn.padTop - LAMP_GAP_PX }} />}
        {inView.map((ext, i) => (
          <BlfTile
            key={ext.id}
            id={ext.id}
            state={ext.state}
            callIds={ext.callIds}
            callCount={ext.callCount}
            over={over === ext.id}
            selected={selectedLamp === ext.id}
            tabStop={tabStop === ext.id}
            actionsOff={actionsOff}
            name={nameOf(ext.id)}
            badge={lampVoicemailBadge(ext.id, lampPresenceBadge(ext.id))}
            position={drawn.from + i + 1}
            setSize={shown.length}
            onSelect={setSelectedLamp}
            onDial={commands.dial}
            onDropCall={commands.dropCall}
            onKeys={onKeys}
            setOver={setOver}
            onMenu={openMenu}
          />
        ))}
        {drawn.padBottom > 0 && <li className="blf-spacer" aria-hidden="true" style={{ height: drawn.padBottom - LAMP_GAP_PX }} />}
      </ul>
      {menu !== null && extensions[menu.id] !== undefined && (
        <LampMenu label={t('lamps.menu', { extension: menu.id })} at={menu.at} items={menuItems} onClose={closeMenu} />
      )}
      {shown.length === 0 && <p className="muted small empty-lamps">{emptyText(extensions, group?.name, query)}</p>}
    </section>
  )
})

/** What an empty lamp field says: what is empty, and how to fill it. */
function emptyText(extensions: Readonly<Record<string, LiveExtension>>, group: string | undefined, query: string): string {
  if (query.trim() !== '')
    return group === undefined ? t('lamps.noMatch', { query: query.trim() }) : t('lamps.noMatchIn', { group, query: query.trim() })
  if (group !== undefined) return t('lamps.emptyGroup', { group })
  return Object.keys(extensions).length === 0 ? t('lamps.noneYet') : t('lamps.noneNumbered')
}

/**
 * The lamp's menu as it is now (read when it shows: what it offers follows the lamp's state and
 * the selected call): its calls, what features add, then its groups.
 */
function useLampMenuItems(
  ext: LiveExtension | undefined,
  seat: LampSeat,
  seatView: LampSeatView,
  lamps: SeatLamps,
  commands: LampCommands,
  lampActions: ReturnType<typeof useCallAdditions>['lampActions'],
): LampMenuEntry[] {
  // Subscribed only while a menu shows: the selected call changes with every patch under load.
  const selected = useLiveStore((s) => (ext === undefined ? undefined : s.selected))
  if (ext === undefined) return []
  const run = { call: commands.dial, transfer: commands.transferSelected, voicemail: commands.voicemailSelected }
  const calls: LampMenuEntry[] = lampCallEntries(ext, seat, selected).map((entry) => ({
    label: entry.label,
    off: entry.off,
    run: () => {
      run[entry.kind](ext.id)
    },
  }))
  const offSeat = seatOff(seat)
  const added: LampMenuEntry[] = lampActions.flatMap((a) => {
    const offered = a.offered(ext, seatView)
    const why = offered ? undefined : a.whyNot?.(ext, seatView)
    if (!offered && why === undefined) return []
    return [
      {
        label: a.label(ext),
        off: offSeat ?? why,
        run: () => {
          a.run(ext.id)
        },
      },
    ]
  })
  const group = shownGroup(lamps)
  const save = (change: LampsChange): void => {
    const problem = apply(change)
    if (problem !== undefined) useToastStore.getState().replace('lamp-groups', 'warn', problem)
  }
  const groups: LampMenuEntry[] = [
    ...lamps.groups
      .filter((g) => !g.extensions.includes(ext.id))
      .map((g) => ({
        label: t('menu.addTo', { name: g.name }),
        run: () => {
          save(addToGroup(lamps, g.name, ext.id))
        },
      })),
    ...(group === undefined || !group.extensions.includes(ext.id)
      ? []
      : [
          {
            label: t('menu.moveEarlier'),
            off: group.extensions[0] === ext.id ? t('menu.firstIn', { name: group.name }) : undefined,
            run: () => {
              saveSeatLamps(moveInGroup(lamps, group.name, ext.id, -1))
            },
          },
          {
            label: t('menu.moveLater'),
            off: group.extensions.at(-1) === ext.id ? t('menu.lastIn', { name: group.name }) : undefined,
            run: () => {
              saveSeatLamps(moveInGroup(lamps, group.name, ext.id, 1))
            },
          },
          {
            label: t('menu.removeFrom', { name: group.name }),
            run: () => {
              saveSeatLamps(removeFromGroup(lamps, group.name, ext.id))
            },
          },
        ]),
  ]
  return [...calls, ...(added.length > 0 ? [SEPARATOR, ...added] : []), ...(groups.length > 0 ? [SEPARATOR, ...groups] : [])]
}
