import type { AlertSound } from '../../../../src-preload/types/attention'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** One tone of a sound: when it starts (s), its pitch (Hz), how long it sounds (s). */
interface Tone {
  readonly at: number
  readonly hz: number
  readonly length: number
}

/**
 * The alert sounds, generated rather than shipped: a rising two-note chime, a bell with its
 * overtone, three short pulses. Each under a second, so one never talks over a caller.
 */
export const SOUND_TONES: Readonly<Record<AlertSound, readonly Tone[]>> = {
  chime: [
    { at: 0, hz: 880, length: 0.35 },
    { at: 0.16, hz: 1320, length: 0.5 },
  ],
  bell: [
    { at: 0, hz: 660, length: 0.9 },
    { at: 0, hz: 1650, length: 0.5 },
  ],
  pulse: [
    { at: 0, hz: 1000, length: 0.09 },
    { at: 0.16, hz: 1000, length: 0.09 },
    { at: 0.32, hz: 1000, length: 0.09 },
  ],
}

/** Each sound's name in the shown language (read at each use). */
export const SOUND_LABELS: Readonly<Record<AlertSound, string>> = {
  get chime() {
    return t('sound.chime')
  },
  get bell() {
    return t('sound.bell')
  },
  get pulse() {
    return t('sound.pulse')
  },
}

/** Loudness (0-100, as the setting holds it) as a gain: perceived loudness follows a curve, not a line. */
export function gainOf(volume: number): number {
  const v = Math.min(100, Math.max(0, volume)) / 100
  return 0.4 * v * v
}

let context: AudioContext | undefined

/** The page's one AudioContext, made on first use (browsers start it suspended until a key or click). */
function audio(): AudioContext | undefined {
  if (typeof AudioContext === 'undefined') return undefined
  context ??= new AudioContext()
  if (context.state === 'suspended') void context.resume().catch(() => undefined)
  return context
}

/** Lets the first key or click of the session unlock sound, so the first ringing call is heard. */
export function unlockSoundOnFirstGesture(): () => void {
  const unlock = (): void => {
    audio()
    remove()
  }
  const remove = (): void => {
    window.removeEventListener('keydown', unlock, true)
    window.removeEventListener('pointerdown', unlock, true)
  }
  window.addEventListener('keydown', unlock, true)
  window.addEventListener('pointerdown', unlock, true)
  return remove
}

/** Plays a sound at a volume (0-100); silent at 0 or where the page has no Web Audio. */
export function playAlertSound(sound: AlertSound, volume: number): void {
  const ctx = audio()
  const peak = gainOf(volume)
  if (ctx === undefined || peak === 0) return
  const start = ctx.currentTime + 0.02
  for (const tone of SOUND_TONES[sound]) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = 'sine'
    osc.frequency.value = tone.hz
    // A quick rise and an exponential fall: no click at either end.
    gain.gain.setValueAtTime(0.0001, start + tone.at)
    gain.gain.exponentialRampToValueAtTime(peak, start + tone.at + 0.015)
    gain.gain.exponentialRampToValueAtTime(0.0001, start + tone.at + tone.length)
    osc.connect(gain).connect(ctx.destination)
    osc.start(start + tone.at)
    osc.stop(start + tone.at + tone.length + 0.05)
  }
}
