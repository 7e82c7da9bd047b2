/**
 * Bridges: creation, channels entering and leaving, destruction — and what a two-party bridge
 * does when one side leaves (the other side's application ends: Dial returns, the call ends).
 */
import { type Bridge, type Channel, ariBridge, ariChannel, bridgeBlock, channelBlock } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export class Bridges {
  readonly byId = new Map<string, Bridge>()

  constructor(private readonly pbx: Pbx) {}

  /** The bridge the channel is in, if any. */
  of(ch: Channel): Bridge | undefined {
    return ch.bridgeId ? this.byId.get(ch.bridgeId) : undefined
  }

  reset(): void {
    this.byId.clear()
  }

  create(type: string, technology: string, creator: string, name: string, videoMode: string, ariType: string, ariClass: string): Bridge {
    const bridge: Bridge = {
      id: this.pbx.rng.uuid(),
      type,
      technology,
      creator,
      name,
      videoMode,
      createdMs: this.pbx.now(),
      channels: [],
      ariClass,
      ariType,
    }
    this.byId.set(bridge.id, bridge)
    this.pbx.events.emit('BridgeCreate', PRIV_CALL, bridgeBlock(bridge), () => ({ type: 'BridgeCreated', timestamp: '', bridge: ariBridge(bridge) }))
    return bridge
  }

  /** The two-party mixing bridge Dial, Queue, parking retrieval and transfers create. */
  createBasic(): Bridge {
    return this.create('basic', 'simple_bridge', '<unknown>', '<unknown>', 'none', 'basic', 'mixing')
  }

  enter(bridge: Bridge, ch: Channel): void {
    bridge.channels.push(ch)
    ch.bridgeId = bridge.id
    this.pbx.events.emit('BridgeEnter', PRIV_CALL, [...bridgeBlock(bridge), ...channelBlock(ch)], () => ({
      type: 'ChannelEnteredBridge',
      timestamp: '',
      bridge: ariBridge(bridge),
      channel: ariChannel(ch),
    }))
  }

  leave(ch: Channel): Bridge | undefined {
    const bridge = this.of(ch)
    if (!bridge) return undefined
    const i = bridge.channels.indexOf(ch)
    if (i >= 0) bridge.channels.splice(i, 1)
    ch.bridgeId = undefined
    this.pbx.events.emit('BridgeLeave', PRIV_CALL, [...bridgeBlock(bridge), ...channelBlock(ch)], () => ({
      type: 'ChannelLeftBridge',
      timestamp: '',
      bridge: ariBridge(bridge),
      channel: ariChannel(ch),
    }))
    return bridge
  }

  destroy(bridge: Bridge): void {
    if (!this.byId.delete(bridge.id)) return
    this.pbx.events.emit('BridgeDestroy', PRIV_CALL, bridgeBlock(bridge), () => ({
      type: 'BridgeDestroyed',
      timestamp: '',
      bridge: ariBridge(bridge),
    }))
  }

  /** After a channel left `bridge`: the remaining party of a basic two-party bridge leaves as well. */
  partnerGone(bridge: Bridge | undefined, cause: number): void {
    if (!bridge || bridge === this.pbx.parking.lotBridge) return
    if (bridge.creator === 'BridgeWait' && bridge.channels.length === 0) {
      this.destroy(bridge)
      return
    }
    if (bridge.type === 'holding' || bridge.ariClass === 'stasis') return
    const rest = [...bridge.channels]
    if (rest.length === 1) {
      const other = rest[0] as Channel
      this.leave(other)
      this.destroy(bridge)
      const hook = other.onBridgePartnerGone
      other.onBridgePartnerGone = undefined
      if (hook) hook(cause)
      else this.pbx.hangups.destroy(other, cause)
    } else if (rest.length === 0) {
      this.destroy(bridge)
    }
  }
}
