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
  }
}
