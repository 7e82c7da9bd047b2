import type { LiveCall, LiveExtension } from '../../../../src-preload/types/live'
import { partyLabel } from '../../live/format'

/** Names shown on a tile; a trunk-facing phone can be in hundreds of calls at once. */
const MAX_NAMES = 2

/**
 * Who an extension talks to, as short text: the first parties by name, then how many more.
 * Bounded work and bounded text per tile, however many calls the extension is in.
 */
export function talkingTo(ext: Pick<LiveExtension, 'id' | 'callIds' | 'callCount'>, calls: { get(id: string): LiveCall | undefined }): string {
  const names: string[] = []
  // Stops after MAX_NAMES parties: the rest are counted, not looked up (ids briefly unknown to
  // the calls list, between two patches, are counted too).
  for (const id of ext.callIds) {
    if (names.length >= MAX_NAMES) break
    const c = calls.get(id)
    if (c !== undefined) names.push(c.caller.number === ext.id ? partyLabel(c.callee).primary : partyLabel(c.caller).primary)
  }
  const more = names.length === 0 ? 0 : (ext.callCount ?? ext.callIds.length) - names.length
  return more > 0 ? `${names.join(', ')} +${String(more)} more` : names.join(', ')
}
