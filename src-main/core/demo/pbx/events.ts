/**
 * The engine's event bus: every state change of every concern becomes one PbxEvent, in the
 * order a real Asterisk 22 publishes them. The AMI and ARI servers only format and filter these.
 * An event's ARI form is built only while an ARI listener exists (it is the costly part).
 */
import type { AmiField } from '../ami-wire'
import { type AriJson, type Channel, ariChannel } from '../model'

export interface PbxEvent {
  readonly name: string
  /** `call,all`, `dialplan,all`… as written after `Privilege:`. */
  readonly privilege: string
  /** Keys after Privilege/SystemName, in Asterisk's order. */
  readonly fields: readonly AmiField[]
  /** The matching ARI event (already JSON-shaped), when ARI listeners exist. */
  readonly ari?: AriJson | undefined
  /** ARI-only events (StasisStart…) have no AMI form. */
  readonly amiHidden?: boolean
}

export type PbxListener = (event: PbxEvent) => void

export const PRIV_CALL = 'call,all'
export const PRIV_DIALPLAN = 'dialplan,all'
export const PRIV_AGENT = 'agent,all'
export const PRIV_CDR = 'cdr,all'
export const PRIV_DTMF = 'dtmf,all'
export const PRIV_SYSTEM = 'system,all'

export class EventBus {
  /** Counters for load tests: every Hangup must match a Newchannel. */
  readonly counters = { newchannel: 0, hangup: 0, cdr: 0, events: 0 }
  private readonly listeners = new Set<PbxListener>()
  private ariListenerCount = 0

  on(listener: PbxListener, wantsAri = false): () => void {
    this.listeners.add(listener)
    if (wantsAri) this.ariListenerCount++
    return () => {
      if (this.listeners.delete(listener) && wantsAri) this.ariListenerCount--
    }
  }

  emit(name: string, privilege: string, fields: AmiField[], ari?: () => AriJson): void {
    this.counters.events++
    const event: PbxEvent = { name, privilege, fields, ari: this.ariListenerCount > 0 && ari ? ari() : undefined }
    for (const l of this.listeners) l(event)
  }

  emitAriOnly(build: () => AriJson): void {
    if (this.ariListenerCount === 0) return
    const event: PbxEvent = { name: '', privilege: '', fields: [], ari: build(), amiHidden: true }
    for (const l of this.listeners) l(event)
  }
}

/** The ARI form of a channel event: `extra` keys before `type`, `extraAfter` between it and `channel`. */
export function ariChannelEvent(type: string, ch: Channel, extra: AriJson = {}, extraAfter: AriJson = {}): () => AriJson {
  return () => ({ ...extra, type, timestamp: '', ...extraAfter, channel: ariChannel(ch) })
}
