/**
 * The pending-changes model: per profile, the changes written to the PBX since the last
 * successful Apply Config, each with its diff and its before-image (kept in main: it may hold a
 * secret) so it can be restored. One store for the whole console, so a profile's runtime
 * restarting (a profile save) does not lose the batch.
 */
import type { ConfigApplyProgress, ConfigKind, PendingChange } from '../../../src-preload/types/config'
import type { ReadItem } from './backend'

export interface PendingEntry {
  change: PendingChange
  readonly kind: ConfigKind
  /** The object before the change; undefined: the change created it. */
  readonly before: ReadItem<ConfigKind> | undefined
  /** The object's id after the change (undefined: removed); an inbound route's may differ from before. */
  readonly afterId: string | undefined
  /** The change's note in the console's language at the time it is shown (`change.note` is the English record). */
  readonly shownNote?: () => string
}

/** Bound per profile: the oldest entries go first (they can no longer be restored from here). */
const MAX_ENTRIES = 1000

export class PendingChanges {
  private readonly entries = new Map<string, PendingEntry[]>()
  private readonly applies = new Map<string, ConfigApplyProgress>()
  private readonly running = new Map<string, string>()
  private seq = 0

  nextId(): string {
    this.seq += 1
    return `chg-${Date.now().toString(36)}-${String(this.seq)}`
  }

  add(profileId: string, entry: PendingEntry): void {
    const list = this.entries.get(profileId) ?? []
    list.push(entry)
    if (list.length > MAX_ENTRIES) list.splice(0, list.length - MAX_ENTRIES)
    this.entries.set(profileId, list)
  }

  find(profileId: string, changeId: string): PendingEntry | undefined {
    return this.entries.get(profileId)?.find((e) => e.change.id === changeId)
  }

  list(profileId: string): readonly PendingChange[] {
    return this.entriesOf(profileId).map((e) => e.change)
  }

  entriesOf(profileId: string): readonly PendingEntry[] {
    return this.entries.get(profileId) ?? []
  }

  /** After an Apply that FreePBX executed: the batch is live. */
  clear(profileId: string): void {
    this.entries.delete(profileId)
  }

  lastApply(profileId: string): ConfigApplyProgress | undefined {
    return this.applies.get(profileId)
  }

  recordApply(progress: ConfigApplyProgress): void {
    this.applies.set(progress.profileId, progress)
  }

  /** The apply running for the profile, if any (one at a time). */
  runningApply(profileId: string): string | undefined {
    return this.running.get(profileId)
  }

  setRunning(profileId: string, applyId: string | undefined): void {
    if (applyId === undefined) this.running.delete(profileId)
    else this.running.set(profileId, applyId)
  }
}
