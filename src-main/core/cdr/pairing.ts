// Wait and talk of a leg bridged to a Local channel need the other half of the pair: a queue
// (FreePBX's from-queue members, the lab's Local/10x@lab members) answers the caller itself before
// Queue(), so the caller's own CDR says only "answered at the start"; the member's CDR (channel
// `…;2`, the caller's dstchannel being `…;1`) says when a person answered. The two rows arrive in
// any order (live events, backfill pages), so whichever comes second completes the caller's row.
//
// Lookups go through two partial indexes that hold only Local channels (migration 5), bounded to
// the profile's id range around the call: Asterisk reuses Local channel numbers after a restart,
// so a match must also lie in time (the member's leg starts during the caller's leg).
import type Database from 'better-sqlite3'
import { deriveMissed, deriveTimes, isLocalChannel, localPartner, type PartnerLeg } from './derive'
import { ID_SLOTS } from './migrations'

/** How long before its member's leg a caller's leg may have started (a long wait in a queue). */
const MAX_WAIT_SECONDS = 86_400

interface CallerLeg {
  id: number
  start: number
  end: number
  duration: number
  billsec: number
  disposition: string
  lastapp: string
  dstchannel: string
}

interface MemberLeg {
  answer: number | null
  end: number
  billsec: number
  disposition: string
}

export class LocalLegPairing {
  private readonly stmts

  constructor(db: Database.Database) {
    // `… LIKE 'Local/%'` repeats the partial indexes' condition, which lets SQLite use them.
    this.stmts = {
      callersOf: db.prepare(`SELECT id, start, "end", duration, billsec, disposition, lastapp, dstchannel FROM cdr
        WHERE dstchannel = ? AND dstchannel LIKE 'Local/%' AND id >= ? AND id < ?`),
      memberOf: db.prepare(`SELECT answer, "end", billsec, disposition FROM cdr
        WHERE channel = ? AND channel LIKE 'Local/%' AND id >= ? AND id < ? ORDER BY id LIMIT 1`),
      caller: db.prepare(`SELECT id, start, "end", duration, billsec, disposition, lastapp, dstchannel FROM cdr WHERE id = ?`),
      update: db.prepare('UPDATE cdr SET wait = ?, talk = ?, missed = ? WHERE id = ? AND (wait IS NOT ? OR talk IS NOT ? OR missed IS NOT ?)'),
    }
  }

  /** Whether a just-stored row can be half of a pair (cheap: most rows are not). */
  static concerns(channel: string, dstchannel: string): boolean {
    return isLocalChannel(channel) || isLocalChannel(dstchannel)
  }

  /**
   * After row `id` (of profile range `profileBase`) was stored: complete it from its member's
   * leg, or complete the callers whose member it is. Returns how many rows changed.
   */
  afterStore(profileBase: number, id: number, start: number, channel: string, dstchannel: string): number {
    let changed = 0
    if (dstchannel.endsWith(';1') && isLocalChannel(dstchannel)) changed += this.completeCaller(profileBase, id)
    const caller = channel.endsWith(';2') ? localPartner(channel) : null
    if (caller !== null) {
      const lo = profileBase + Math.max(0, start - MAX_WAIT_SECONDS) * ID_SLOTS
      const hi = profileBase + (start + 1) * ID_SLOTS
      for (const c of this.stmts.callersOf.all(caller, lo, hi) as CallerLeg[]) {
        if (c.start <= start && start <= c.end) changed += this.apply(c, this.memberOfCaller(profileBase, c))
      }
    }
    return changed
  }

  /** Recomputes one caller row from its member's leg (if stored). */
  completeCaller(profileBase: number, id: number): number {
    const c = this.stmts.caller.get(id) as CallerLeg | undefined
    if (c === undefined) return 0
    return this.apply(c, this.memberOfCaller(profileBase, c))
  }

  private memberOfCaller(profileBase: number, c: CallerLeg): PartnerLeg | undefined {
    const member = localPartner(c.dstchannel)
    if (member === null || !c.dstchannel.endsWith(';1')) return undefined
    const m = this.stmts.memberOf.get(member, profileBase + c.start * ID_SLOTS, profileBase + (c.end + 1) * ID_SLOTS) as MemberLeg | undefined
    if (m === undefined) return undefined
    const answered = m.disposition.toUpperCase() === 'ANSWERED'
    return { answered, answerAt: m.answer ?? m.end - m.billsec }
  }

  private apply(c: CallerLeg, partner: PartnerLeg | undefined): number {
    const times = deriveTimes(c, partner)
    const missed = deriveMissed(c, times) ? 1 : 0
    return this.stmts.update.run(times.wait, times.talk, missed, c.id, times.wait, times.talk, missed).changes
  }
}
