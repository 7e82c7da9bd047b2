/**
 * The wallboard's alert sound: two short tones made with Web Audio (no file to ship or fetch).
 * Browsers start an AudioContext suspended until the page was used; a click or key on the
 * wallboard resumes it (`unlockSound`).
 */
let context: AudioContext | undefined

function audio(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined
  context ??= new AudioContext()
  return context
}

/** Lets a later alert sound (called from a user gesture). */
export function unlockSound(): void {
  void audio()?.resume()
}

/** Counts alerts played, for tests and the bench (window.__wallboardBeeps). */
function countBeep(): void {
  const w = window as unknown as { __wallboardBeeps?: number }
  w.__wallboardBeeps = (w.__wallboardBeeps ?? 0) + 1
}

export function beep(): void {
  countBeep()
  const ctx = audio()
  if (ctx === undefined) return
  const start = ctx.currentTime
  for (const [at, hz] of [
    [0, 880],
    [0.22, 660],
  ] as const) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.frequency.value = hz
    gain.gain.setValueAtTime(0.0001, start + at)
    gain.gain.exponentialRampToValueAtTime(0.25, start + at + 0.02)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + at + 0.18)
    osc.connect(gain).connect(ctx.destination)
    osc.start(start + at)
    osc.stop(start + at + 0.2)
  }
}
