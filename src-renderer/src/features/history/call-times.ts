import type { CdrRow } from '../../../../src-preload/types/cdr'
import { formatDuration } from '../../live/format'

/** Shown where the cached rows do not tell how long the caller talked (never a made-up time). */
export const NOT_KNOWN = '—'

const seconds = (s: number): string => formatDuration(s * 1000)

/** Wait and talk as the history list shows them: waiting in a queue or IVR is not talking. */
export function waitTalk(r: CdrRow): { wait: string; talk: string } {
  return { wait: seconds(r.wait), talk: r.talk === null ? NOT_KNOWN : seconds(r.talk) }
}

/** The result pill: a queue call nobody answered is missed even when the PBX answered it. */
export function resultLabel(r: CdrRow): string {
  return r.missed ? 'Missed' : r.disposition.toLowerCase()
}

const time = (ms: number | null): string =>
  ms === null ? NOT_KNOWN : new Date(ms).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

/** The detail view of one history row: what happened, then the PBX's own figures. */
export function historyDetail(r: CdrRow): Array<[label: string, value: string]> {
  const { wait, talk } = waitTalk(r)
  return [
    ['Started', time(r.start)],
    ['Ended', time(r.end)],
    ['From', r.cnam !== '' ? `${r.cnam} (${r.src || r.cnum})` : r.src || r.cnum],
    ['To', r.dst],
    ...(r.queue === null ? [] : [['Queue', r.queue] as [string, string]]),
    ['Result', resultLabel(r)],
    ['Waited', wait],
    ['Talked', r.talk === null ? `${talk} (not known: the agent's leg is not in the cache)` : talk],
    ['Duration', seconds(r.duration)],
    ['Billed by the PBX', `${seconds(r.billsec)} (counts from when the PBX answered, queue and IVR included)`],
    ['Last step', r.lastdata !== '' ? `${r.lastapp}(${r.lastdata})` : r.lastapp],
    ['Channel', r.channel],
    ['Connected to', r.dstchannel !== '' ? r.dstchannel : 'nobody'],
    ['Call ID', r.uniqueid],
  ]
}
