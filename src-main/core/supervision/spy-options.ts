import type { SpyMode } from '../../../src-preload/types/supervision'

/**
 * ChanSpy's options, fixed here and never built from what a window sent (apps/app_chanspy.c):
 *   q  no beep or channel name spoken to the supervisor when listening starts
 *   d  DTMF 4 / 5 / 6 switch between listen, whisper and barge during the session (the whisper
 *      audiohook is attached from the start, so switching needs no new call)
 *   E  the supervisor's phone is hung up when the call listened to ends
 *   S  ChanSpy ends when there is nothing (left) to listen to, instead of waiting for a channel
 *   u  the first argument is one channel's Uniqueid (or full name), never a prefix of names
 * and the mode the session starts in: none (listen), `w` (whisper: the agent hears the
 * supervisor, the caller does not) or `B` (barge: both parties hear the supervisor).
 */
const BASE_OPTIONS = 'qdESu'
const MODE_OPTION: Readonly<Record<SpyMode, string>> = { listen: '', whisper: 'w', barge: 'B' }

/** The digits ChanSpy's `d` option reads as a mode switch (change_spy_mode in app_chanspy.c). */
export const MODE_DIGIT: Readonly<Record<SpyMode, string>> = { listen: '4', whisper: '5', barge: '6' }

/** The Uniqueid goes into an application argument list: only the characters Asterisk makes them of. */
const SAFE_UNIQUEID = /^[A-Za-z0-9._-]{1,150}$/

/** ChanSpy's Data for one channel of a live call: `<uniqueid>,<options>`. */
export function chanSpyData(spiedUniqueid: string, mode: SpyMode): string {
  if (!SAFE_UNIQUEID.test(spiedUniqueid)) throw new Error(`not a channel id ChanSpy can be given: ${spiedUniqueid}`)
  return `${spiedUniqueid},${BASE_OPTIONS}${MODE_OPTION[mode]}`
}

/**
 * Where func_periodic_hook keeps its beep (`beep@__func_periodic_hook_context__`: Answer,
 * Playback(beep), Hangup), present wherever the module is loaded (it is by default). MixMonitor's
 * `B` option beeps through the same extension.
 */
export const PERIODIC_HOOK_CONTEXT = '__func_periodic_hook_context__'
export const BEEP_CHANNEL = `Local/beep@${PERIODIC_HOOK_CONTEXT}`
/** How often the monitored call hears the beep while a supervisor listens (MixMonitor's `B` default). */
export const SPY_TONE_INTERVAL_S = 15

/**
 * ChanSpy's Data for one beep into the monitored call: a Local channel whose other half plays
 * `beep` barges (`B`) into the channel, so both parties hear it; it ends with the beep. The same
 * recipe as func_periodic_hook's own hook extension (`ChanSpy(${ChannelToSpy},qEB)`).
 */
export function beepSpyData(spiedUniqueid: string): string {
  if (!SAFE_UNIQUEID.test(spiedUniqueid)) throw new Error(`not a channel id ChanSpy can be given: ${spiedUniqueid}`)
  return `${spiedUniqueid},qEBSu`
}

/** A spying channel that is a beep, not a person: the console's own tone or MixMonitor's `B` hook. */
export function isBeepSpyer(channelName: string, context: string | undefined): boolean {
  return context === PERIODIC_HOOK_CONTEXT || channelName.includes(`@${PERIODIC_HOOK_CONTEXT}`)
}
