import { create } from 'zustand'
import type { ActionDone } from '../../../src-preload/types/actions'
import type { LiveExtension } from '../../../src-preload/types/live'
import type {
  DayNightMode,
  DayNightToggle,
  ExtensionPresence,
  ForwardKind,
  NoteStatus,
  PresenceChange,
  PresenceSnapshot,
  PresenceSource,
} from '../../../src-preload/types/presence'
import type { Result } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'
import { tr } from '../i18n'
import { useLiveStore } from './live-store'
import { spokenOf } from './directory-store'
import { strings } from './strings'

const t = tr(strings)

/**
 * Presence of the shown PBX's extensions (DND, forwarding, notes, each lamp's time in state) and
 * its day/night toggles, as main reads them: `presence.list` for a start, then `presence.changed`.
 * Also what the presence dialogs show (a forward or note being edited, a transfer to confirm).
 */

/** A transfer to an extension that cannot take it now, waiting for the operator's choice. */
export interface TransferQuestion {
  readonly extension: string
  /** Why it is asked: "105 is offline", "105 has do not disturb on". */
  readonly why: string
  readonly answer: (choice: TransferChoice) => void
}

/** Go on as asked, send the call to the extension's voicemail instead, or do nothing. */
export type TransferChoice = 'transfer' | 'voicemail' | 'cancel'

export type PresenceEditing = { readonly kind: 'forward' | 'note'; readonly extension: string } | null

interface PresenceState {
  profileId: string | null
  source: PresenceSource
  extensions: Readonly<Record<string, ExtensionPresence>>
  toggles: readonly DayNightToggle[]
  polledAt: number | null
  pollEveryMs: number
  problem: string | undefined
  /** A forward or note dialog open for an extension. */
  editing: PresenceEditing
  question: TransferQuestion | null
  /** Lists the profile's presence (again: after a reconnect of this window's link). */
  load: (profileId: string) => Promise<void>
  receive: (change: PresenceChange) => void
  edit: (editing: PresenceEditing) => void
  ask: (question: TransferQuestion | null) => void
}

export const usePresenceStore = create<PresenceState>((set, get) => ({
  profileId: null,
  source: 'unknown',
  extensions: {},
  toggles: [],
  polledAt: null,
  pollEveryMs: 10_000,
  problem: undefined,
  editing: null,
  question: null,
  load: async (profileId) => {
    if (get().profileId !== profileId) set({ profileId, extensions: {}, toggles: [], polledAt: null, source: 'unknown', problem: undefined })
    const r = await bridge().invoke('presence.list', { profileId })
    // A later switch to another PBX wins over this late answer.
    if (get().profileId !== profileId) return
    if (r.ok) applySnapshot(r.value)
    else set({ problem: r.error.message })
  },
  receive: (change) => {
    if (change.profileId !== get().profileId) return
    const gone = new Set(Object.entries(change.extensions).flatMap(([ext, p]) => (p === null ? [ext] : [])))
    const extensions: Record<string, ExtensionPresence> = {}
    for (const [ext, p] of Object.entries(get().extensions)) if (!gone.has(ext)) extensions[ext] = p
    for (const [ext, p] of Object.entries(change.extensions)) if (p !== null) extensions[ext] = p
    set({
      extensions,
      source: change.source,
      polledAt: change.polledAt,
      problem: change.problem,
      ...(change.toggles === undefined ? {} : { toggles: change.toggles }),
    })
  },
  edit: (editing) => {
    set({ editing })
  },
  ask: (question) => {
    set({ question })
  },
}))

function applySnapshot(s: PresenceSnapshot): void {
  usePresenceStore.setState({
    extensions: s.extensions,
    toggles: s.toggles,
    source: s.source,
    polledAt: s.polledAt,
    pollEveryMs: s.pollEveryMs,
    problem: s.problem,
  })
}

/** The presence of one extension now (undefined: nothing known). */
export function presenceOf(extension: string): ExtensionPresence | undefined {
  return usePresenceStore.getState().extensions[extension]
}

/** The forward that applies to a transfer now: always, else none (busy / no answer depend on the call). */
export function forwardedTo(p: ExtensionPresence | undefined): string | undefined {
  return p?.forward.unconditional
}

/** One line about an extension's presence for a picker row or a tooltip: "Do not disturb · forwarded to 0171…". */
export function presenceLine(p: ExtensionPresence | undefined): string | undefined {
  if (p === undefined) return undefined
  const parts: string[] = []
  if (p.dnd) parts.push(t('presence.dnd'))
  const always = p.forward.unconditional
  if (always !== undefined) parts.push(t('presence.forwarded', { number: always }))
  else {
    if (p.forward.busy !== undefined) parts.push(t('presence.whenBusy', { number: p.forward.busy }))
    if (p.forward.noAnswer !== undefined) parts.push(t('presence.unanswered', { number: p.forward.noAnswer }))
  }
  if (p.note !== undefined && (p.note.message !== '' || p.note.subtype !== ''))
    parts.push(t('presence.note', { note: [p.note.subtype, p.note.message].filter((part) => part !== '').join(', ') }))
  if (parts.length === 0) return undefined
  const [first = '', ...rest] = parts
  return [first.charAt(0).toLocaleUpperCase() + first.slice(1), ...rest].join(' · ')
}

/**
 * Why a transfer to `extension` should be asked about first: offline (its phone is not
 * registered) or do-not-disturb; undefined when nothing stands in the way (or it is not an extension).
 */
export function transferConcern(extension: string, lamp: Pick<LiveExtension, 'state'> | undefined): string | undefined {
  if (lamp === undefined) return undefined
  const p = presenceOf(extension)
  if (p?.forward.unconditional !== undefined) return undefined
  // The person by name, as the question's title and buttons name them ("Eva Fischer (118) is offline").
  if (lamp.state === 'UNAVAILABLE') return t('presence.offlineConcern', { who: spokenOf(extension) })
  if (p?.dnd === true) return t('presence.dndConcern', { who: spokenOf(extension) })
  return undefined
}

/**
 * Before a blind or attended transfer to an extension that is offline or on do not disturb: asks
 * the operator (the presence dialog) whether to send it to its voicemail instead. Resolves at once
 * with `transfer` when there is nothing to ask.
 */
export function askBeforeTransfer(destination: string, mode: 'blind' | 'attended' | 'voicemail'): Promise<TransferChoice> {
  if (mode === 'voicemail' || !/^[0-9]{1,10}$/.test(destination)) return Promise.resolve('transfer')
  const why = transferConcern(destination, useLiveStore.getState().state.extensions[destination])
  if (why === undefined) return Promise.resolve('transfer')
  return new Promise((resolve) => {
    usePresenceStore.getState().ask({
      extension: destination,
      why,
      answer: (choice) => {
        usePresenceStore.getState().ask(null)
        resolve(choice)
      },
    })
  })
}

// ---- changes, through main ----------------------------------------------------------------------

function withProfile(act: (profileId: string) => Promise<Result<ActionDone>>): Promise<Result<ActionDone>> | undefined {
  const profileId = usePresenceStore.getState().profileId ?? useLiveStore.getState().profileId
  return profileId === null ? undefined : act(profileId)
}

export function setDnd(extension: string, on: boolean): Promise<Result<ActionDone>> | undefined {
  return withProfile((profileId) => bridge().invoke('presence.setDnd', { profileId, extension, on }))
}

export function setForward(extension: string, kind: ForwardKind, target: string | null): Promise<Result<ActionDone>> | undefined {
  return withProfile((profileId) => bridge().invoke('presence.setForward', { profileId, extension, kind, target }))
}

export function setNote(extension: string, status: NoteStatus, message: string): Promise<Result<ActionDone>> | undefined {
  return withProfile((profileId) => bridge().invoke('presence.setNote', { profileId, extension, status, message }))
}

export function setDayNight(index: string, mode: DayNightMode): Promise<Result<ActionDone>> | undefined {
  return withProfile((profileId) => bridge().invoke('presence.setDayNight', { profileId, index, mode }))
}

/**
 * Follows the shown PBX: lists its presence when the window shows a profile (and again when this
 * window's link to main comes back), applies `presence.changed`. Returns the stop.
 */
export function followPresence(): () => void {
  const offEvent = bridge().on('presence.changed', (change) => {
    usePresenceStore.getState().receive(change)
  })
  const offLink = bridge().onLinkChange((state) => {
    const id = useLiveStore.getState().profileId
    if (state === 'open' && id !== null) void usePresenceStore.getState().load(id)
  })
  const offLive = useLiveStore.subscribe((s, before) => {
    if (s.profileId !== null && s.profileId !== before.profileId) void usePresenceStore.getState().load(s.profileId)
    // A runtime that reconnected (a profile saved) forgets who listened: list again.
    const was = before.statuses[s.profileId ?? '']?.ami
    const now = s.profileId === null ? undefined : s.statuses[s.profileId]?.ami
    if (s.profileId !== null && now === 'connected' && was !== undefined && was !== 'connected') void usePresenceStore.getState().load(s.profileId)
  })
  const first = useLiveStore.getState().profileId
  if (first !== null) void usePresenceStore.getState().load(first)
  return () => {
    offEvent()
    offLink()
    offLive()
  }
}
