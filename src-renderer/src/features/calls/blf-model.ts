import type { LiveCall, LiveExtension } from '../../../../src-preload/types/live'
import { partyLabel } from './format'

/** Names shown on a tile; a trunk-facing phone can be in hundreds of calls at once. */
const MAX_NAMES = 2

/**
 * Who an extension talks to, as short text: the first parties by name, then how many more.
 * Bounded work and bounded text per tile, however many calls the extension is in.
 */
export function talkingTo(ext: Pick<LiveExtension, 'id' | 'callIds'>, calls: Readonly<Record<string, LiveCall>>): string {
  const names: string[] = []
  let known = 0
  for (const id of ext.callIds) {
    const c = calls[id]
    if (c === undefined) continue
    known++
    if (names.length < MAX_NAMES) names.push(c.caller.number === ext.id ? partyLabel(c.callee).primary : partyLabel(c.caller).primary)
  }
  const more = known - names.length
  return more > 0 ? `${names.join(', ')} +${String(more)} more` : names.join(', ')
}
