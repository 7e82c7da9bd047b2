import './calls.css'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ActionDone } from '../../../../src-preload/types/actions'
import type { Result } from '../../../../src-preload/types/result'
import { bridge } from '../../bridge/current'
import { HelpOverlay } from '../../components/HelpOverlay'
import { NoPbxYet } from '../../components/NoPbxYet'
import { nextSort } from '../../components/table'
import { useAppStore } from '../../stores/app-store'
import { shownOrder, useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import { askBeforeTransfer } from '../../stores/presence-store'
import { BlfGrid, type LampCommands } from './BlfGrid'
import { CallsSummary } from './CallsSummary'
import { stepLampGroup } from './lamp-groups'
import { CallCard, EndedCard, type CallCommands } from './CallCard'
import { CallsTable } from './CallsTable'
import { DialBox } from './DialBox'
import { ConfirmEmergency, DestinationPrompt, type PromptMode } from './DestinationPrompt'
import { ParkedPanel } from './ParkedPanel'
import { whenActionsOn } from '../../actions/action-gate'
import { useCallAdditions } from '../../actions/call-additions'
import { atOwnPhone, consultationChannel, parkedToPickUp, primaryChannel } from './call-model'
import { runAction, type RunOptions } from '../../actions/run-action'
import { partyLabel } from '../../live/format'
import { isSortKey } from '../../live/call-list'
import { staleText } from '../../stores/live-health'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

type Pending =
  { kind: 'prompt'; mode: PromptMode; callId: string } | { kind: 'emergency'; number: string; retry: () => void } | { kind: 'help' } | null

/** Typing in a field must never trigger a call action. */
function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
}

/** Enter on a focused button or link presses that, not the suggestion. */
function onControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('button, a[href], [role=button]') !== null
}

/** The live state right now, for actions (read when acting, so views need not subscribe to it). */
const live = (): ReturnType<typeof useLiveStore.getState> => useLiveStore.getState()

function withProfile(fn: (profileId: string) => Promise<Result<ActionDone>>, opts: RunOptions = {}): Promise<Result<ActionDone> | undefined> {
  const profileId = live().profileId
  return profileId === null ? Promise.resolve(undefined) : runAction(fn(profileId), opts)
}

/** The call a toast is about, by its caller's name (or number): `Anna Außen`. */
function callName(callId: string | undefined): string | undefined {
  const call = callId === undefined ? undefined : live().state.calls[callId]
  return call === undefined ? undefined : t('toast.callOf', { name: partyLabel(call.caller).primary })
}

/** How long a park waits for the PBX to say which space it took (its ParkedCall event follows the answer). */
const PARK_SPACE_WAIT_MS = 3000

/** The parking space the PBX gave this channel, once the live state shows it (undefined if it does not in time). */
function parkedSpaceOf(channelId: string): Promise<string | undefined> {
  const find = (): string | undefined => Object.values(live().state.parked).find((p) => p.parkeeId === channelId)?.space
  const now = find()
  if (now !== undefined) return Promise.resolve(now)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off()
      resolve(undefined)
    }, PARK_SPACE_WAIT_MS)
    const off = useLiveStore.subscribe(() => {
      const space = find()
      if (space === undefined) return
      clearTimeout(timer)
      off()
      resolve(space)
    })
  })
}

function channelOf(callId: string): string | undefined {
  const { state } = live()
  const call = state.calls[callId]
  return call === undefined ? undefined : primaryChannel(state, call)
}

/**
 * The call the action keys and buttons act on: only one the operator selected, read when acting.
 * With nothing selected they do nothing but say so: a suggested call (the longest ringing) is
 * never acted on until Enter or a click makes it the selection.
 */
function selectedId(): string | undefined {
  const id = live().selected?.id
  if (id === undefined) {
    const hint = live().suggested === undefined ? t('toast.noSelection') : t('toast.noSelectionSuggested')
    useToastStore.getState().replace('no-selection', 'warn', hint)
  }
  return id
}

function onCall(callId: string | undefined, fn: (profileId: string, channelId: string) => Promise<Result<ActionDone>>): void {
  const channelId = callId === undefined ? undefined : channelOf(callId)
  if (channelId === undefined) return
  const about = callName(callId)
  void withProfile((p) => fn(p, channelId), about === undefined ? {} : { about })
}

/** Complete and cancel act on the consultation's legs, not on the caller who waits alone. */
function onConsultation(callId: string | undefined, fn: (profileId: string, channelId: string) => Promise<Result<ActionDone>>): void {
  const { state } = live()
  const call = callId === undefined ? undefined : state.calls[callId]
  const channelId = call === undefined ? undefined : consultationChannel(state, call)
  if (channelId === undefined) return
  const about = callName(callId)
  void withProfile((p) => fn(p, channelId), about === undefined ? {} : { about })
}

type SetPending = (p: Pending) => void

function transferCall(setPending: SetPending, callId: string, destination: string, mode: PromptMode, confirmEmergency = false): void {
  onCall(callId, async (p, channelId) => {
    const r = await bridge().invoke('calls.transfer', { profileId: p, channelId, destination, mode, confirmEmergency })
    if (!r.ok && r.error.code === 'confirm_required') {
      setPending({
        kind: 'emergency',
        number: destination,
        retry: () => {
          transferCall(setPending, callId, destination, mode, true)
        },
      })
    }
    return r
  })
}

/** The dial box shows a refusal beside its field, with the number kept there for correcting. */
function dialNumber(setPending: SetPending, destination: string, confirmEmergency = false): Promise<Result<ActionDone> | undefined> {
  return withProfile(
    async (p) => {
      const r = await bridge().invoke('calls.originate', { profileId: p, destination, confirmEmergency })
      if (!r.ok && r.error.code === 'confirm_required') {
        setPending({
          kind: 'emergency',
          number: destination,
          retry: () => {
            void dialNumber(setPending, destination, true)
          },
        })
      }
      return r
    },
    { errorsShownInPlace: true },
  )
}

/**
 * The call card: the selected call, else the suggested one (marked as a suggestion, with no
 * actions but "Select"), else the call that ended while selected. Subscribed to those calls and
 * the shown call's queue's waiting count only, so other calls' patches never re-render it.
 */
const SelectionCard = memo(function SelectionCard(props: {
  commands: CallCommands
  holdAlertSeconds: number
  profileId: string | null
}): React.JSX.Element {
  const selected = useLiveStore((s) => s.selected)
  const suggested = useLiveStore((s) => s.suggested)
  const ended = useLiveStore((s) => s.ended)
  const selectSuggested = useLiveStore((s) => s.selectSuggested)
  const shown = selected ?? suggested
  const waitingInQueue = useLiveStore((s) => {
    const queue = shown?.queue === undefined ? undefined : s.state.queues[shown.queue]
    return queue === undefined ? undefined : Object.keys(queue.callers).length
  })
  if (selected === undefined && ended !== undefined) return <EndedCard ended={ended} suggested={suggested} onSelectSuggested={selectSuggested} />
  return <CallCard call={shown} suggested={selected === undefined} onSelectSuggested={selectSuggested} queueWaiting={waitingInQueue} {...props} />
})

/**
 * The receptionist console: calls, the call card, extensions (BLF), parked calls, the dial box.
 * Under load patches arrive every frame, so this view subscribes to nothing that changes per
 * frame: each part subscribes to exactly what it shows (the calls list to its version, the card
 * to its call, tiles to their own text), and every callback handed down is stable.
 */
export function CallsView(): React.JSX.Element {
  const profileId = useLiveStore((s) => s.profileId)
  const status = useLiveStore((s) => s.state.meta.status)
  const stale = useLiveStore((s) => s.health.stale)
  const query = useLiveStore((s) => s.callsQuery)
  const setQuery = useLiveStore((s) => s.setCallsQuery)
  const select = useLiveStore((s) => s.select)
  const holdAlertSeconds = useAppStore((s) => s.settings?.holdAlertSeconds ?? 60)
  const ringAlertSeconds = useAppStore((s) => s.settings?.ringAlertSeconds ?? 20)
  const ownExtension = useLiveStore((s) => (s.profileId === null ? '' : (s.statuses[s.profileId]?.ownExtension ?? '')))
  const [pending, setPending] = useState<Pending>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const dialRef = useRef<HTMLInputElement>(null)
  const { callKeys } = useCallAdditions()

  // Stable across renders (they read the store when called), so the memoised BLF grid, dial box,
  // parked panel, rows and call card are never re-rendered for a new callback.
  // Every action goes through whenActionsOn: while the shown state is stale or the PBX connection
  // is paused it does nothing but say why (a key pressed, a button, a drop, the dial box).
  const transfer = useCallback((callId: string, destination: string, mode: PromptMode): void => {
    whenActionsOn(() => {
      // To an offline or do-not-disturb extension: asked first, its voicemail offered (presence-store).
      void askBeforeTransfer(destination, mode).then((choice) => {
        if (choice !== 'cancel') transferCall(setPending, callId, destination, choice === 'voicemail' ? 'voicemail' : mode)
      })
    })
  }, [])
  const dial = useCallback((destination: string): Promise<Result<ActionDone> | undefined> => {
    let outcome: Promise<Result<ActionDone> | undefined> = Promise.resolve(undefined)
    whenActionsOn(() => {
      outcome = dialNumber(setPending, destination)
    })
    return outcome
  }, [])
  // The lamps: a drop transfers the dragged call; the menu's entries act on the selected call only.
  const lampCommands: LampCommands = useMemo(
    () => ({
      dial: (ext) => {
        void dial(ext)
      },
      dropCall: (callId, ext) => {
        transfer(callId, ext, 'blind')
      },
      transferSelected: (ext) => {
        const callId = selectedId()
        if (callId !== undefined) transfer(callId, ext, 'blind')
      },
      voicemailSelected: (ext) => {
        const callId = selectedId()
        if (callId !== undefined) transfer(callId, ext, 'voicemail')
      },
    }),
    [dial, transfer],
  )
  // Calls ringing the operator's own phone lead the urgency order: the list learns whose phone that is.
  useEffect(() => {
    const q = live().callsQuery
    if ((q.ownExtension ?? '') !== ownExtension) setQuery({ ...q, ownExtension })
  }, [ownExtension, setQuery])
  const pickup = useCallback((space: string): void => {
    whenActionsOn(() => {
      void withProfile((p) => bridge().invoke('calls.pickup', { profileId: p, space }))
    })
  }, [])
  const onSort = useCallback(
    (key: string): void => {
      const q = live().callsQuery
      if (!isSortKey(key)) return
      const next = nextSort({ key: q.sort, descending: q.descending }, key)
      setQuery({ ...q, sort: key, descending: next.descending })
    },
    [setQuery],
  )

  const commands: CallCommands = useMemo(() => {
    const prompt = (mode: PromptMode): void => {
      whenActionsOn(() => {
        const callId = selectedId()
        if (callId !== undefined) setPending({ kind: 'prompt', mode, callId })
      })
    }
    return {
      hangup: () => {
        whenActionsOn(() => {
          onCall(selectedId(), (p, channelId) => bridge().invoke('calls.hangup', { profileId: p, channelId }))
        })
      },
      transfer: () => {
        prompt('blind')
      },
      attended: () => {
        // Said before a destination is asked for: Asterisk's attended transfer runs on the operator's own leg.
        const { state, selected, profileId: shown, statuses } = live()
        const own = shown === null ? '' : (statuses[shown]?.ownExtension ?? '')
        if (selected !== undefined && !atOwnPhone(state, selected, own)) {
          useToastStore.getState().replace('attended-own', 'warn', own === '' ? t('toast.attendedOwn') : t('toast.attendedOwnAt', { extension: own }))
          return
        }
        prompt('attended')
      },
      voicemail: () => {
        prompt('voicemail')
      },
      park: () => {
        whenActionsOn(() => {
          const callId = selectedId()
          onCall(callId, async (p, channelId) => {
            const r = await bridge().invoke('calls.park', { profileId: p, channelId })
            if (!r.ok) return r
            // The PBX answers before it says where: the toast waits a moment to name the space.
            const space = await parkedSpaceOf(channelId)
            const who = callId === undefined ? undefined : live().state.calls[callId]?.caller
            if (space === undefined) return r
            const name = who === undefined ? t('toast.theCall') : partyLabel(who).primary
            return { ok: true, value: { ...r.value, message: t('toast.parked', { name, space }) } }
          })
        })
      },
      pickup: () => {
        const { state, selected } = live()
        const parked = parkedToPickUp(state, selected)
        if (parked !== undefined) pickup(parked.space)
        else useToastStore.getState().replace('nothing-parked', 'warn', t('toast.nothingParked'))
      },
      complete: () => {
        whenActionsOn(() => {
          onConsultation(selectedId(), (p, channelId) => bridge().invoke('calls.transferComplete', { profileId: p, channelId }))
        })
      },
      cancel: () => {
        whenActionsOn(() => {
          onConsultation(selectedId(), (p, channelId) => bridge().invoke('calls.transferCancel', { profileId: p, channelId }))
        })
      },
    }
  }, [pickup])

  // Single-key shortcuts, only when no field has the keyboard and no dialog is open. Bound again
  // only when a dialog opens or closes: the selection and the list are read when a key comes.
  useEffect(() => {
    // The arrow keys move through the rows as shown (held while the list scrolls), from the
    // selected row (from the top or the bottom when none is); the list then scrolls the newly
    // selected row into view.
    const selectRow = (row: number): void => {
      const next = shownOrder.at(Math.min(shownOrder.length - 1, Math.max(0, row)))
      if (next !== undefined) select(next.id)
    }
    const move = (delta: number): void => {
      const { selected } = live()
      const row = selected === undefined ? -1 : shownOrder.rowOf(selected.id)
      selectRow(row < 0 && delta < 0 ? shownOrder.length - 1 : row + delta)
    }
    // Keys other features add act on the selected call, like H or P (the screen's own keys win).
    const added = Object.fromEntries(
      callKeys.map((k) => [
        k.key,
        () => {
          whenActionsOn(() => {
            const id = selectedId()
            const { state } = live()
            const call = id === undefined ? undefined : state.calls[id]
            if (call !== undefined) k.run(call, state)
          })
        },
      ]),
    )
    const map: Readonly<Record<string, () => void>> = {
      ...added,
      '/': () => searchRef.current?.focus(),
      d: () => dialRef.current?.focus(),
      h: commands.hangup,
      t: commands.transfer,
      a: commands.attended,
      p: commands.park,
      u: commands.pickup,
      v: commands.voicemail,
      c: commands.complete,
      x: commands.cancel,
      '?': () => {
        setPending({ kind: 'help' })
      },
      '[': () => {
        stepLampGroup(-1)
      },
      ']': () => {
        stepLampGroup(1)
      },
      arrowdown: () => {
        move(1)
      },
      arrowup: () => {
        move(-1)
      },
      home: () => {
        selectRow(0)
      },
      end: () => {
        selectRow(shownOrder.length - 1)
      },
      enter: () => {
        live().selectSuggested()
      },
      escape: () => {
        select(null)
      },
    }
    const listener = (e: KeyboardEvent): void => {
      // Escape closes the keyboard help wherever the focus went (a click on its text moves it out of the buttons).
      if (pending?.kind === 'help' && e.key === 'Escape') {
        e.preventDefault()
        setPending(null)
        return
      }
      if (pending !== null || e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'enter' && onControl(e.target)) return
      const fn = map[key]
      if (fn !== undefined) {
        e.preventDefault()
        fn()
      }
    }
    window.addEventListener('keydown', listener)
    return () => {
      window.removeEventListener('keydown', listener)
    }
  }, [pending, commands, select, callKeys])

  return (
    <section className={`view calls-view${stale !== undefined ? ' is-stale' : ''}`} aria-labelledby="calls-title">
      {profileId === null && <NoPbxYet what={t('noPbx')} />}
      <div className="calls-toolbar">
        <h1 id="calls-title">{t('title')}</h1>
        <span className={`live-status live-${stale !== undefined ? 'stale' : status}`} role="status">
          {stale !== undefined ? t('notLive', { reason: staleText(stale) }) : status === 'live' ? t('live') : t('syncing')}
        </span>
        <CallsSummary />
        <DialBox ref={dialRef} onDial={dial} />
        <input
          ref={searchRef}
          type="search"
          className="calls-search"
          aria-label={t('filterLabel')}
          placeholder={t('filterPlaceholder')}
          value={query.filter}
          onChange={(e) => {
            setQuery({ ...query, filter: e.currentTarget.value })
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery({ ...query, filter: '' })
              e.currentTarget.blur()
            }
          }}
        />
        <button
          type="button"
          aria-label={t('shortcutsLabel')}
          onClick={() => {
            setPending({ kind: 'help' })
          }}
        >
          ?
        </button>
      </div>
      <div className="calls-layout">
        <div className="calls-main">
          <CallsTable
            onSelect={select}
            sort={query.sort}
            descending={query.descending}
            filtered={query.filter.trim() !== ''}
            onSort={onSort}
            holdAlertSeconds={holdAlertSeconds}
            ringAlertSeconds={ringAlertSeconds}
          />
          <BlfGrid commands={lampCommands} />
        </div>
        <aside className="calls-side">
          <div className="calls-side-scroll">
            <SelectionCard commands={commands} holdAlertSeconds={holdAlertSeconds} profileId={profileId} />
            <ParkedPanel holdAlertSeconds={holdAlertSeconds} onPickup={pickup} />
          </div>
        </aside>
      </div>
      {pending?.kind === 'prompt' && (
        <DestinationPrompt
          mode={pending.mode}
          onCancel={() => {
            setPending(null)
          }}
          onSubmit={(destination) => {
            setPending(null)
            transfer(pending.callId, destination, pending.mode)
          }}
        />
      )}
      {pending?.kind === 'emergency' && (
        <ConfirmEmergency
          number={pending.number}
          onCancel={() => {
            setPending(null)
          }}
          onConfirm={() => {
            setPending(null)
            pending.retry()
          }}
        />
      )}
      {pending?.kind === 'help' && (
        <HelpOverlay
          onClose={() => {
            setPending(null)
          }}
        />
      )}
    </section>
  )
}
