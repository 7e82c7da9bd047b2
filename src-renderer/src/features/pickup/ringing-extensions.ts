import type { LiveCall, LiveExtension, LiveState } from '../../../../src-preload/types/live'

/** Whether a lamp shows a call ringing there (on an idle phone, or on one already on a call). */
export function ringsAt(ext: Pick<LiveExtension, 'state'>): boolean {
  return ext.state === 'RINGING' || ext.state === 'RINGINUSE'
}

/** The extensions the call rings at now, by number: what a directed pickup of it may name. */
export function ringingExtensionsOf(call: LiveCall, state: LiveState): string[] {
  return Object.values(state.extensions)
    .filter((ext) => ringsAt(ext) && ext.callIds.includes(call.id))
    .map((ext) => ext.id)
    .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))
}
