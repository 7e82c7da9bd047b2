import type { LiveCall, LiveExtension, LiveState } from '../../../../src-preload/types/live'

/** Asterisk's ChannelState for a channel that is up (AST_STATE_UP). */
const UP = 6

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
  const devices = new Set(ext.hint.split('&').map((d) => d.trim()))
  for (const id of ext.callIds) {
    const call = Object.hasOwn(state.calls, id) ? state.calls[id] : undefined
    if (call === undefined) continue
    const channel = call.channelIds.map((c) => state.channels[c]).find((c) => c !== undefined && c.state === UP && devices.has(c.device))
    if (channel !== undefined) return { call, channelId: channel.id }
  }
  return undefined
}
