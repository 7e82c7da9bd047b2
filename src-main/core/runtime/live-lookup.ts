import type { LiveLookup } from '../actions/pbx-port'
import type { LiveModel } from '../live'

/** Answers the actions' questions from the current live model (never from renderer input). */
export function liveLookup(model: () => LiveModel): LiveLookup {
  return {
    channelName: (id) => model().channels[id]?.name,
    bridgeOf: (id) => model().channels[id]?.bridgeId,
    extenOf: (id) => model().channels[id]?.exten,
    peerOf: (id) => {
      const m = model()
      const bridgeId = m.channels[id]?.bridgeId
      if (bridgeId === undefined) return undefined
      const others = (m.bridges[bridgeId]?.channelIds ?? []).filter((c) => c !== id)
      return others.length === 1 ? others[0] : undefined
    },
    knownExtensions: () => new Set(Object.keys(model().extensions)),
    callChannels: (id) => {
      const m = model()
      const callId = m.index.channelCall[id]
      return callId === undefined ? [id] : (m.calls[callId]?.channelIds ?? [id])
    },
    isParked: (space) => Object.values(model().parked).some((p) => p.space === space),
    callParties: (id) => {
      const m = model()
      const callId = m.index.channelCall[id]
      const call = callId === undefined ? undefined : m.calls[callId]
      if (call !== undefined) return { caller: call.caller, callee: call.callee, queue: call.queue, ringGroup: call.ringGroup }
      // A channel not (yet) in a call: its own caller id and where it is in the dialplan.
      const ch = m.channels[id]
      return ch === undefined
        ? undefined
        : { caller: { name: ch.callerName, number: ch.callerNum }, callee: { name: '', number: ch.exten }, queue: ch.queue }
    },
    parkee: (space) => Object.values(model().parked).find((p) => p.space === space)?.parkee,
    extensionState: (extension) => (Object.hasOwn(model().extensions, extension) ? model().extensions[extension]?.state : undefined),
  }
}
