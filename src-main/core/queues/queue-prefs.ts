import { defaultQueuePrefs, queuePrefsSchema, type QueuePrefs } from '../../../src-preload/types/queues'
import type { KeyValueStore } from '../storage/kv'

/** Flat keys (conf splits dotted keys into nested objects, and profile ids are not dotted). */
const keyOf = (profileId: string): string => `queuePrefs-${profileId}`

/**
 * The supervisor's queue preferences per PBX profile: the pause reasons offered, the wallboard's
 * queues, thresholds, theme, sound and page time. Read defensively: a hand-edited or older file
 * keeps every valid part and falls back to the defaults for the rest.
 */
export class QueuePrefsStore {
  constructor(private readonly kv: KeyValueStore) {}

  get(profileId: string): QueuePrefs {
    const stored = this.kv.get(keyOf(profileId))
    const whole = queuePrefsSchema.safeParse(stored)
    if (whole.success) return whole.data
    if (typeof stored !== 'object' || stored === null) return structuredClone(defaultQueuePrefs)
    const parts = stored as Record<string, unknown>
    const reasons = queuePrefsSchema.shape.pauseReasons.safeParse(parts.pauseReasons)
    const wallboard = queuePrefsSchema.shape.wallboard.safeParse(parts.wallboard)
    return {
      pauseReasons: reasons.success ? reasons.data : [...defaultQueuePrefs.pauseReasons],
      wallboard: wallboard.success ? wallboard.data : structuredClone(defaultQueuePrefs.wallboard),
    }
  }

  /** Validated at the contract edge; re-parsed here so nothing else is ever written. */
  set(profileId: string, prefs: QueuePrefs): QueuePrefs {
    const clean = queuePrefsSchema.parse(prefs)
    this.kv.set(keyOf(profileId), clean)
    return clean
  }
}
