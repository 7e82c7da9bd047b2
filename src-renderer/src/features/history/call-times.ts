import type { CdrRow } from '../../../../src-preload/types/cdr'
import { fmt, tr } from '../../i18n'
import { formatDuration } from '../../live/format'
import { strings } from './strings'

const t = tr(strings)

/** Shown where the cached rows do not tell how long the caller talked (never a made-up time). */
export const NOT_KNOWN = '—'

const seconds = (s: number): string => formatDuration(s * 1000)

/** Wait and talk as the history list shows them: waiting in a queue or IVR is not talking. */
export function waitTalk(r: CdrRow): { wait: string; talk: string } {
  return { wait: seconds(r.wait), talk: r.talk === null ? NOT_KNOWN : seconds(r.talk) }
}

/** Asterisk's dispositions in words; one it adds later shows as it says it. */
const DISPOSITIONS: Readonly<Record<string, () => string>> = {
  ANSWERED: () => t('result.answered'),
  'NO ANSWER': () => t('result.noAnswer'),
  BUSY: () => t('result.busy'),
  FAILED: () => t('result.failed'),
  CONGESTION: () => t('result.congestion'),
}

/** The result pill: a queue call nobody answered is missed even when the PBX answered it. */
export function resultLabel(r: CdrRow): string {
  if (r.missed) return t('result.missed')
  return DISPOSITIONS[r.disposition.toUpperCase()]?.() ?? r.disposition.toLowerCase()
}

const time = (ms: number | null): string => (ms === null ? NOT_KNOWN : fmt().custom(ms, { dateStyle: 'medium', timeStyle: 'medium' }))

/** One line of the detail view; `mono` for the PBX's identifiers (channels, call ID). */
export type DetailLine = [label: string, value: string, mono?: boolean]

/** The detail view of one history row: what happened, then the PBX's own figures. */
export function historyDetail(r: CdrRow): DetailLine[] {
  const { wait, talk } = waitTalk(r)
  return [
    [t('detail.started'), time(r.start)],
    [t('detail.ended'), time(r.end)],
    [t('detail.from'), r.cnam !== '' ? `${r.cnam} (${r.src || r.cnum})` : r.src || r.cnum],
    [t('detail.to'), r.dst],
    ...(r.queue === null ? [] : [[t('detail.queue'), r.queue] as DetailLine]),
    [t('detail.result'), resultLabel(r)],
    [t('detail.waited'), wait],
    [t('detail.talked'), r.talk === null ? t('detail.talkUnknown', { talk }) : talk],
    [t('detail.duration'), seconds(r.duration)],
    [t('detail.billed'), t('detail.billedValue', { time: seconds(r.billsec) })],
    [t('detail.lastStep'), r.lastdata !== '' ? `${r.lastapp}(${r.lastdata})` : r.lastapp],
    [t('detail.channel'), r.channel, true],
    [t('detail.connectedTo'), r.dstchannel !== '' ? r.dstchannel : t('detail.nobody'), r.dstchannel !== ''],
    [t('detail.callId'), r.uniqueid, true],
  ]
}
