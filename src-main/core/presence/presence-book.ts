import type {
  DayNightMode,
  DayNightToggle,
  ExtensionPresence,
  ForwardKind,
  PresenceChange,
  PresenceNote,
  PresenceSnapshot,
  PresenceSource,
  Since,
} from '../../../src-preload/types/presence'
import { FORWARD_KINDS } from '../../../src-preload/types/presence'
import { noteSaysSomething, type PresenceReading } from './reading'
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings as callFlowStrings } from '../../../src-preload/i18n/strings/call-flow'
import { callFlowWords } from '../../../src-preload/types/config'

interface Facts {
  readonly dnd: boolean
  readonly forward: Readonly<Partial<Record<ForwardKind, string>>>
  readonly note: PresenceNote | undefined
}

const NOTHING: Facts = { dnd: false, forward: {}, note: undefined }

interface Toggle {
  readonly mode: DayNightMode
  readonly since: Since
}

/**
 * How the console names a toggle: FreePBX keeps a toggle's description in its own database, which
 * neither AMI nor its GraphQL API offers, so the console names it by FreePBX's number for it.
 */
export function defaultToggleName(index: string): string {
  // The audit's and the snapshot's name, in English; a window names it in its own language (callFlowWords).
  return callFlowWords(index, undefined, inEnglish(callFlowStrings))
}

function sameForward(a: Facts['forward'], b: Facts['forward']): boolean {
  return FORWARD_KINDS.every((k) => a[k] === b[k])
}

function sameNote(a: PresenceNote | undefined, b: PresenceNote | undefined): boolean {
  return a?.status === b?.status && a?.subtype === b?.subtype && a?.message === b?.message
}

function sameFacts(a: Facts, b: Facts): boolean {
  return a.dnd === b.dnd && sameForward(a.forward, b.forward) && sameNote(a.note, b.note)
}

/**
 * What the console knows of one PBX's presence, kept from two kinds of news: complete reads
 * (AstDB, which raises no event when a phone or FreePBX writes it) and events (device and
 * presence state, the lamps' ExtensionStatus), each applied as the latest word. Times in state
 * are kept here: exact when a change was seen, "at least since" for what the first read found.
 * Pure: no timers, no I/O; the service feeds it and sends what `takeChange` returns.
 */
export class PresenceBook {
  private source: PresenceSource = 'unknown'
  private readonly facts = new Map<string, Facts>()
  private readonly since = new Map<string, Since>()
  private readonly lamps = new Map<string, { state: string; since: Since }>()
  private readonly toggles = new Map<string, Toggle>()
  private polledAt: number | null = null
  private problem: string | undefined
  /** Extensions whose view changed since the last `takeChange`. */
  private readonly dirty = new Set<string>()
  private togglesDirty = false
  private headDirty = false

  constructor(
    private readonly profileId: string,
    private readonly pollEveryMs: number,
  ) {}

  get currentSource(): PresenceSource {
    return this.source
  }

  get hasRead(): boolean {
    return this.polledAt !== null
  }

  hasToggle(index: string): boolean {
    return this.toggles.has(index)
  }

  toggleName(index: string): string {
    return defaultToggleName(index)
  }

  factsOf(extension: string): Facts {
    return this.facts.get(extension) ?? NOTHING
  }

  /**
   * A complete read. What it found replaces what was known, except for extensions written since
   * the read began (`writtenSince`): the read may predate the write, and the write is newer news.
   */
  applyReading(reading: PresenceReading, source: PresenceSource, now: number, writtenSince: (extension: string) => boolean): void {
    const first = this.polledAt === null
    if (this.source !== source) {
      this.source = source
      this.headDirty = true
    }
    const extensions = new Set<string>([...reading.dnd, ...reading.notes.keys(), ...this.facts.keys()])
    for (const kind of FORWARD_KINDS) for (const ext of reading.forward[kind].keys()) extensions.add(ext)
    for (const ext of extensions) {
      if (writtenSince(ext)) continue
      const forward: Partial<Record<ForwardKind, string>> = {}
      for (const kind of FORWARD_KINDS) {
        const target = reading.forward[kind].get(ext)
        if (target !== undefined) forward[kind] = target
      }
      const note = reading.notes.get(ext)
      // On plain Asterisk, do-not-disturb is the presence state `dnd`.
      const dnd = source === 'asterisk' ? note?.status === 'dnd' : reading.dnd.has(ext)
      this.put(ext, { dnd, forward, note: noteSaysSomething(note) ? note : undefined }, now, !first)
    }
    for (const [index, mode] of reading.daynight) this.setToggle(index, mode, now, !first)
    for (const index of [...this.toggles.keys()]) {
      if (!reading.daynight.has(index)) {
        this.toggles.delete(index)
        this.togglesDirty = true
      }
    }
    this.polledAt = now
    this.problem = undefined
    this.headDirty = true
  }

  /** A read that failed: what was known stays, marked with why it may be old. */
  readFailed(problem: string): void {
    if (this.problem === problem) return
    this.problem = problem
    this.headDirty = true
  }

  setDnd(extension: string, on: boolean, now: number): void {
    const was = this.factsOf(extension)
    this.put(extension, { ...was, dnd: on }, now, true)
  }

  setForward(extension: string, kind: ForwardKind, target: string | undefined, now: number): void {
    const was = this.factsOf(extension)
    const forward: Partial<Record<ForwardKind, string>> = {}
    for (const k of FORWARD_KINDS) {
      const t = k === kind ? target : was.forward[k]
      if (t !== undefined) forward[k] = t
    }
    this.put(extension, { ...was, forward }, now, true)
  }

  /** A presence state seen (event or write); on plain Asterisk it also says DND. */
  setNote(extension: string, note: PresenceNote, now: number): void {
    const was = this.factsOf(extension)
    const dnd = this.source === 'asterisk' ? note.status === 'dnd' : was.dnd
    this.put(extension, { ...was, dnd, note: noteSaysSomething(note) ? note : undefined }, now, true)
  }

  setToggle(index: string, mode: DayNightMode, now: number, exact = true): void {
    const was = this.toggles.get(index)
    if (was?.mode === mode) return
    this.toggles.set(index, { mode, since: { at: now, exact: was !== undefined && exact } })
    this.togglesDirty = true
  }

  /** A lamp's state (ExtensionStatus); `exact` false for states found at connect, not seen changing. */
  lamp(extension: string, state: string, now: number, exact: boolean): void {
    const was = this.lamps.get(extension)
    if (was?.state === state) return
    this.lamps.set(extension, { state, since: { at: now, exact: was !== undefined && exact } })
    this.dirty.add(extension)
  }

  knowsLamp(extension: string): boolean {
    return this.lamps.has(extension)
  }

  view(extension: string): ExtensionPresence | undefined {
    const facts = this.facts.get(extension)
    const lamp = this.lamps.get(extension)
    if (facts === undefined && lamp === undefined) return undefined
    const f = facts ?? NOTHING
    return {
      extension,
      dnd: f.dnd,
      forward: f.forward,
      ...(f.note === undefined ? {} : { note: f.note }),
      since: this.since.get(extension) ?? lamp?.since ?? { at: 0, exact: false },
      ...(lamp === undefined ? {} : { lampSince: lamp.since }),
    }
  }

  togglesView(): DayNightToggle[] {
    return [...this.toggles]
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([index, t]) => ({ index, name: this.toggleName(index), mode: t.mode, featureCode: `*28${index}`, since: t.since }))
  }

  snapshot(): PresenceSnapshot {
    const extensions: Record<string, ExtensionPresence> = {}
    for (const ext of new Set([...this.facts.keys(), ...this.lamps.keys()])) {
      const v = this.view(ext)
      if (v !== undefined) extensions[ext] = v
    }
    return {
      profileId: this.profileId,
      source: this.source,
      extensions,
      toggles: this.togglesView(),
      polledAt: this.polledAt,
      pollEveryMs: this.pollEveryMs,
      ...(this.problem === undefined ? {} : { problem: this.problem }),
    }
  }

  /** What changed since the last call, or undefined when nothing did. */
  takeChange(): PresenceChange | undefined {
    if (this.dirty.size === 0 && !this.togglesDirty && !this.headDirty) return undefined
    const extensions: Record<string, ExtensionPresence | null> = {}
    for (const ext of this.dirty) extensions[ext] = this.view(ext) ?? null
    const change: PresenceChange = {
      profileId: this.profileId,
      source: this.source,
      extensions,
      ...(this.togglesDirty ? { toggles: this.togglesView() } : {}),
      polledAt: this.polledAt,
      ...(this.problem === undefined ? {} : { problem: this.problem }),
    }
    this.dirty.clear()
    this.togglesDirty = false
    this.headDirty = false
    return change
  }

  private put(extension: string, next: Facts, now: number, exact: boolean): void {
    const was = this.facts.get(extension)
    if (was !== undefined && sameFacts(was, next)) return
    if (was === undefined && sameFacts(NOTHING, next)) return
    if (sameFacts(NOTHING, next)) this.facts.delete(extension)
    else this.facts.set(extension, next)
    // Found so at the first read: it has been so for at least this long, not exactly since now.
    this.since.set(extension, { at: now, exact: was !== undefined || exact })
    this.dirty.add(extension)
  }
}
