/**
 * Call detail records: a channel's Cdr events at its end — one per segment when it changed
 * bridge partners (transfers, parking), as Asterisk's CDR engine forks them.
 */
import { type CdrInfo, type Channel, cdrTime } from '../model'
import { PRIV_CDR } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Cdrs {
  private readonly closedSegments = new Map<Channel, { cdr: CdrInfo; endMs: number }[]>()

  constructor(private readonly pbx: Pbx) {}

  /** The channel's Cdr events: records closed by earlier splits first, then the current one. */
  emit(ch: Channel): void {
    const closed = this.closedSegments.get(ch)
    this.closedSegments.delete(ch)
    for (const seg of closed ?? []) this.event(ch, seg.cdr, seg.endMs)
    this.event(ch, ch.cdr, this.pbx.now())
  }

  /**
   * Closes the channel's current CDR record and starts a new one: Asterisk's CDR engine forks
   * a record when a channel changes bridge partners (a transferer in atxfer-cancel.raw ends with
   * three Cdr: before, during and after the consultation).
   */
  split(ch: Channel): void {
    if (ch.dialedBy !== undefined) return
    let list = this.closedSegments.get(ch)
    if (!list) this.closedSegments.set(ch, (list = []))
    const now = this.pbx.now()
    list.push({ cdr: { ...ch.cdr }, endMs: now })
    ch.cdr.startMs = now
    ch.cdr.answerMs = ch.state === 6 ? now : undefined
  }

  private event(ch: Channel, cdr: CdrInfo, end: number): void {
    this.pbx.events.counters.cdr++
    const start = cdr.startMs
    const answer = cdr.answerMs
    const disposition = cdr.disposition ?? (answer !== undefined ? 'ANSWERED' : 'NO ANSWER')
    const quote = ch.callerName === '' && ch.callerNum === '' ? '"" <>' : `"${ch.callerName}" <${ch.callerNum}>`
    this.pbx.events.emit('Cdr', PRIV_CDR, [
      ['AccountCode', ch.accountCode],
      ['Source', cdr.src || ch.callerNum],
      ['Destination', cdr.dst],
      ['DestinationContext', cdr.dcontext],
      ['CallerID', quote],
      ['Channel', ch.name],
      ['DestinationChannel', cdr.dstChannel],
      ['LastApplication', cdr.lastApp],
      ['LastData', cdr.lastData],
      ['StartTime', cdrTime(start)],
      ['AnswerTime', answer !== undefined ? cdrTime(answer) : ''],
      ['EndTime', cdrTime(end)],
      ['Duration', String(Math.floor((end - start) / 1000))],
      ['BillableSeconds', String(answer !== undefined ? Math.floor((end - answer) / 1000) : 0)],
      ['Disposition', disposition],
      ['AMAFlags', 'DOCUMENTATION'],
      ['UniqueID', ch.uniqueid],
      ['UserField', ''],
    ])
  }
}
