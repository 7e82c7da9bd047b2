import type { LiveCall } from '../../../src-preload/types/live'

/** Only what is safe in a file name on any system, and never a path: letters, digits, `-`. */
function part(value: string, max: number): string {
  const cleaned = value
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9+]+/g, '-')
    .replace(/\+/g, '')
    .replace(/^-+|-+$/g, '')
  return cleaned.slice(0, max) || 'unknown'
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/**
 * The recording's file name, made in main from a fixed template and never from a window's text:
 * `attendant-<YYYYMMDD-HHMMSS>-<call id>-<caller>-<callee>.wav` (UTC, the call's parties by number).
 * MixMonitor puts a relative name in the PBX's monitor spool (spool/monitor), where FreePBX's own
 * recordings are.
 */
export function recordingFileName(call: Pick<LiveCall, 'id' | 'caller' | 'callee'>, now: Date): string {
  const stamp = `${String(now.getUTCFullYear())}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}-${pad(now.getUTCHours())}${pad(
    now.getUTCMinutes(),
  )}${pad(now.getUTCSeconds())}`
  const who = (p: { number: string; name: string }): string => part(p.number !== '' ? p.number : p.name, 24)
  return `attendant-${stamp}-${part(call.id, 40)}-${who(call.caller)}-${who(call.callee)}.wav`
}
