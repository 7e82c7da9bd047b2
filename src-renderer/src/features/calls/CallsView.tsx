import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ActionDone } from '../../../../src-preload/types/actions'
import type { Result } from '../../../../src-preload/types/result'
import { bridge } from '../../bridge/current'
import { useAppStore } from '../../stores/app-store'
import { useLiveStore } from '../../stores/live-store'
import { BlfGrid } from './BlfGrid'
import { CallCard, type CallCommands } from './CallCard'
import { CallsTable } from './CallsTable'
import { DialBox } from './DialBox'
import { ConfirmEmergency, DestinationPrompt, type PromptMode } from './DestinationPrompt'
import { HelpOverlay } from './HelpOverlay'
import { ParkedPanel } from './ParkedPanel'
import { consultationChannel, createCallOrderer, focusCall, primaryChannel, type SortKey } from './call-model'
import { runAction } from './run-action'

type Pending = { kind: 'prompt'; mode: PromptMode; callId: string } | { kind: 'emergency'; number: string; retry: () => void } | { kind: 'help' } | null

/** Typing in a field must never trigger a call action. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** The live state right now, for actions (read when acting, so views need not subscribe to it). */
const live = (): ReturnType<typeof useLiveStore.getState> => useLiveStore.getState()

function withProfile(fn: (profileId: string) => Promise<Result<ActionDone>>): Promise<Result<ActionDone> | undefined> {
  const profileId = live().profileId
  return profileId === null ? Promise.resolve(undefined) : runAction(fn(profileId))
}

function channelOf(callId: string): string | undefined {
  const { state } = live()
  const call = state.calls[callId]
  return call === undefined ? undefined : primaryChannel(state, call)
}

function onCall(callId: string | undefined, fn: (profileId: string, channelId: string) => Promise<Result<ActionDone>>): void {
  const channelId = callId === undefined ? undefined : channelOf(callId)
  if (channelId === undefined) return
  void withProfile((p) => fn(p, channelId))
}

/** Complete and cancel act on the consultation's legs, not on the caller who waits alone. */
function onConsultation(callId: string | undefined, fn: (profileId: string, channelId: string) => Promise<Result<ActionDone>>): void {
  const { state } = live()
  const call = callId === undefined ? undefined : state.calls[callId]
  const channelId = call === undefined ? undefined : consultationChannel(state, call)
  if (channelId === undefined) return
  void withProfile((p) => fn(p, channelId))
}

type SetPending = (p: Pending) => void

function transferCall(setPending: SetPending, callId: string, destination: string, mode: PromptMode, confirmEmergency = false): void {
  onCall(callId, async (p, channelId) => {
    const r = await bridge().invoke('calls.transfer', { profileId: p, channelId, destination, mode, confirmEmergency })
    if (!r.ok && r.error.code === 'confirm_required') {
      setPending({ kind: 'emergency', number: destination, retry: () => { transferCall(setPending, callId, destination, mode, true) } })
    }
    return r
  })
}

function dialNumber(setPending: SetPending, destination: string, confirmEmergency = false): void {
  void withProfile(async (p) => {
    const r = await bridge().invoke('calls.originate', { profileId: p, destination, confirmEmergency })
    if (!r.ok && r.error.code === 'confirm_required') {
      setPending({ kind: 'emergency', number: destination, retry: () => { dialNumber(setPending, destination, true) } })
    }
    return r
  })
}

/**
 * The receptionist console: calls, the call card, extensions (BLF), parked calls, the dial box.
 * Each part subscribes to the collections it shows (channels and bridges only matter when acting),
 * and the calls list is ordered incrementally: under load this view re-renders every frame.
 */
export function CallsView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const callsById = useLiveStore((s) => s.state.calls)
  const extensions = useLiveStore((s) => s.state.extensions)
  const parked = useLiveStore((s) => s.state.parked)
  const queues = useLiveStore((s) => s.state.queues)
  const status = useLiveStore((s) => s.state.meta.status)
  const selectedId = useLiveStore((s) => s.selectedCallId)
  const select = useLiveStore((s) => s.select)
  const holdAlertSeconds = useAppStore((s) => s.settings?.holdAlertSeconds ?? 60)
  const [filter, setFilter] = useState('')
  const [sort, setSort] = useState<SortKey>('started')
  const [descending, setDescending] = useState(false)
  const [pending, setPending] = useState<Pending>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const dialRef = useRef<HTMLInputElement>(null)
  const [orderCalls] = useState(createCallOrderer)

  const calls = useMemo(() => orderCalls(callsById, filter, sort, descending), [orderCalls, callsById, filter, sort, descending])
  const focused = focusCall(callsById, selectedId)
  const queueWaiting = focused?.queue === undefined ? undefined : queues[focused.queue]
  const waitingInQueue = queueWaiting === undefined ? undefined : Object.keys(queueWaiting.callers).length

  // Stable across renders (they read the store when called), so the memoised BLF grid, dial box
  // and parked panel do not re-render for every calls patch.
  const transfer = useCallback((callId: string, destination: string, mode: PromptMode): void => { transferCall(setPending, callId, destination, mode) }, [])
  const dial = useCallback((destination: string): void => { dialNumber(setPending, destination) }, [])
  const dropOnExtension = useCallback((callId: string, ext: string): void => { transfer(callId, ext, 'blind') }, [transfer])
  const pickup = useCallback((space: string): void => { void withProfile((p) => bridge().invoke('calls.pickup', { profileId: p, space })) }, [])

  const commands: CallCommands = {
    hangup: () => { onCall(focused?.id, (p, channelId) => bridge().invoke('calls.hangup', { profileId: p, channelId })) },
    transfer: () => { if (focused !== undefined) setPending({ kind: 'prompt', mode: 'blind', callId: focused.id }) },
    attended: () => { if (focused !== undefined) setPending({ kind: 'prompt', mode: 'attended', callId: focused.id }) },
    voicemail: () => { if (focused !== undefined) setPending({ kind: 'prompt', mode: 'voicemail', callId: focused.id }) },
    park: () => { onCall(focused?.id, (p, channelId) => bridge().invoke('calls.park', { profileId: p, channelId })) },
    complete: () => { onConsultation(focused?.id, (p, channelId) => bridge().invoke('calls.transferComplete', { profileId: p, channelId })) },
    cancel: () => { onConsultation(focused?.id, (p, channelId) => bridge().invoke('calls.transferCancel', { profileId: p, channelId })) },
  }

  const onShortcut = (e: KeyboardEvent): void => {
    if (pending !== null || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
    const move = (delta: number): void => {
      const idx = calls.findIndex((c) => c.id === selectedId)
      const next = calls[Math.min(calls.length - 1, Math.max(0, idx + delta))]
      if (next !== undefined) select(next.id)
    }
    const map: Record<string, () => void> = {
      '/': () => searchRef.current?.focus(),
      d: () => dialRef.current?.focus(),
      h: commands.hangup,
      t: commands.transfer,
      a: commands.attended,
      p: commands.park,
      v: commands.voicemail,
      c: commands.complete,
      x: commands.cancel,
      '?': () => { setPending({ kind: 'help' }) },
      arrowdown: () => { move(1) },
      arrowup: () => { move(-1) },
    }
    const fn = map[e.key.toLowerCase()]
    if (fn !== undefined) {
      e.preventDefault()
      fn()
    }
  }

  // Single-key shortcuts, only when no field has the keyboard and no dialog is open. The listener
  // is re-bound each render so it always sees the current selection and calls.
  useEffect(() => {
    const listener = (e: KeyboardEvent): void => {
      onShortcut(e)
    }
    window.addEventListener('keydown', listener)
    return () => {
      window.removeEventListener('keydown', listener)
    }
  })
  return (
    <section className="view calls-view" aria-labelledby="calls-title">
      <div className="calls-toolbar">
        <h1 id="calls-title">Calls</h1>
        <span className={`live-status live-${status}`} role="status">
          {status === 'live' ? 'Live' : status === 'syncing' ? 'Syncing…' : 'Disconnected — showing the last known state'}
        </span>
        <DialBox ref={dialRef} extensions={extensions} onDial={dial} />
        <input
          ref={searchRef}
          type="search"
          className="calls-search"
          aria-label="Filter calls"
          placeholder="Filter calls  /"
          value={filter}
          onChange={(e) => { setFilter(e.currentTarget.value) }}
          onKeyDown={(e) => { if (e.key === 'Escape') { setFilter(''); e.currentTarget.blur() } }}
        />
        <button type="button" aria-label="Keyboard shortcuts" onClick={() => { setPending({ kind: 'help' }) }}>
          ?
        </button>
      </div>
      <div className="calls-layout">
        <div className="calls-main">
          <CallsTable
            calls={calls}
            selectedId={focused?.id ?? null}
            onSelect={select}
            sort={sort}
            descending={descending}
            onSort={(key) => {
              if (key === sort) setDescending(!descending)
              else {
                setSort(key)
                setDescending(false)
              }
            }}
            holdAlertSeconds={holdAlertSeconds}
          />
          <BlfGrid extensions={extensions} calls={callsById} onDial={dial} onDropCall={dropOnExtension} />
        </div>
        <aside className="calls-side">
          <CallCard call={focused} queueWaiting={waitingInQueue} commands={commands} holdAlertSeconds={holdAlertSeconds} profileId={profileId} />
          <ParkedPanel parked={parked} holdAlertSeconds={holdAlertSeconds} onPickup={pickup} />
        </aside>
      </div>
      {pending?.kind === 'prompt' && (
        <DestinationPrompt
          mode={pending.mode}
          onCancel={() => { setPending(null) }}
          onSubmit={(destination) => {
            setPending(null)
            transfer(pending.callId, destination, pending.mode)
          }}
        />
      )}
      {pending?.kind === 'emergency' && (
        <ConfirmEmergency
          number={pending.number}
          onCancel={() => { setPending(null) }}
          onConfirm={() => {
            setPending(null)
            pending.retry()
          }}
        />
      )}
      {pending?.kind === 'help' && <HelpOverlay onClose={() => { setPending(null) }} />}
    </section>
  )
}
