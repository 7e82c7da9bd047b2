import type { LiveCall, LiveExtension, LiveState } from '../../../src-preload/types/live'

/** Asterisk's ChannelState for a channel that is up (AST_STATE_UP). */
const UP = 6

/** A hint's devices: `PJSIP/105&Custom:DND105,CustomPresence:105` → PJSIP/105, Custom:DND105 (presence comes after the comma). */
export function hintDevices(hint: string): string[] {
  return (hint.split(',')[0] ?? '')
    .split('&')
    .map((d) => d.trim())
    .filter((d) => d !== '')
}

/** Whether a lamp shows its phone on a call one could listen to (talking, maybe with another ringing). */
export function talksAt(ext: Pick<LiveExtension, 'state'>): boolean {
  return ext.state === 'INUSE' || ext.state === 'BUSY' || ext.state === 'RINGINUSE'
}

/**
 * The call an extension's phone is talking on and that phone's channel, so listening from its lamp
 * listens to that party (whisper reaches that person), whoever called whom. Undefined when the
 * live state shows no such call (the lamp may be a moment ahead of the calls).
 */
export function talkingAt(ext: Pick<LiveExtension, 'hint' | 'callIds'>, state: LiveState): { call: LiveCall; channelId: string } | undefined {
  const devices = new Set(hintDevices(ext.hint))
  for (const id of ext.callIds) {
    const call = Object.hasOwn(state.calls, id) ? state.calls[id] : undefined
    if (call === undefined) continue
    const channel = call.channelIds.map((c) => state.channels[c]).find((c) => c !== undefined && c.state === UP && devices.has(c.device))
    if (channel !== undefined) return { call, channelId: channel.id }
  }
  return undefined
}

/**
 * The extensions whose hints name each device (`PJSIP/104` → 104), as main's live index keeps
 * them: which extension's phone a channel is on, for the supervision scope.
 */
export function extensionsByDevice(extensions: LiveState['extensions']): ReadonlyMap<string, readonly string[]> {
  const byDevice = new Map<string, string[]>()
  for (const ext of Object.values(extensions)) {
    for (const device of hintDevices(ext.hint)) {
      const list = byDevice.get(device)
      if (list === undefined) byDevice.set(device, [ext.id])
      else list.push(ext.id)
    }
  }
  return byDevice
}
