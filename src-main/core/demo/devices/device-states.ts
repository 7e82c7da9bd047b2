/**
 * Device and presence state: each device's state aggregated from the channels on it (Asterisk's
 * devstate aggregation), the phone's registration and do-not-disturb, DeviceStateChange events,
 * and the concerns that follow a device (queue members, hints) told of each change.
 */
import type { DeviceState } from '../model'
import { PRIV_CALL } from '../pbx/events'
import type { Pbx } from '../pbx/pbx'

export type DeviceChangeListener = (device: string, state: DeviceState) => void

export class DeviceStates {
  /** Device states that have been published (DeviceStateList lists these). */
  readonly states = new Map<string, DeviceState>()
  private readonly changeListeners: DeviceChangeListener[] = []

  constructor(private readonly pbx: Pbx) {}

  /** Called in registration order after a device's state changed. */
  onChange(listener: DeviceChangeListener): void {
    this.changeListeners.push(listener)
  }

  reset(): void {
    this.states.clear()
  }

  /** The office's phones start known (registered: NOT_INUSE, else UNAVAILABLE); the lab's do not. */
  loadPhones(): void {
    if (this.pbx.config.isLab) return
    for (const ph of this.pbx.config.phones.values()) this.states.set(ph.device, ph.registered ? 'NOT_INUSE' : 'UNAVAILABLE')
  }

  /** Aggregated state of a device from the channels on it (Asterisk's devstate aggregation). */
  compute(device: string): DeviceState {
    let up = 0
    let ringing = 0
    let held = 0
    let any = false
    for (const ch of this.pbx.channels.onDevice(device)) {
      if (ch.hungUp) continue
      any = true
      if (ch.state === 6) {
        if (ch.onHold) held++
        else up++
      } else if (ch.state === 5) ringing++
      else if (ch.state === 4 || ch.state === 0) up += ch.tech === 'Local' ? 1 : 0
    }
    const phone = this.pbx.config.phoneByDevice.get(device)
    if (!any) return phone && !phone.registered ? 'UNAVAILABLE' : 'NOT_INUSE'
    if (ringing > 0 && up > 0) return 'RINGINUSE'
    if (ringing > 0) return 'RINGING'
    if (up > 0) return phone?.dnd ? 'BUSY' : 'INUSE'
    if (held > 0) return 'ONHOLD'
    return 'INUSE'
  }

  /** The published state, else the aggregated one. */
  current(device: string): DeviceState {
    return this.states.get(device) ?? this.compute(device)
  }

  update(device: string): void {
    const state = this.compute(device)
    const before = this.states.get(device)
    if (before === state && !device.startsWith('Local/')) return
    // Local devices publish once per channel change, duplicates included (captured behaviour).
    this.publish(device, state)
    if (before !== state) for (const l of this.changeListeners) l(device, state)
  }

  publish(device: string, state: DeviceState): void {
    this.states.set(device, state)
    this.pbx.events.emit(
      'DeviceStateChange',
      PRIV_CALL,
      [
        ['Device', device],
        ['State', state],
      ],
      () => ({
        type: 'DeviceStateChanged',
        application: '',
        timestamp: '',
        device_state: { name: device, state },
      }),
    )
  }
}
