import { z } from 'zod'
import { profileIdSchema } from './profile-id'
import { cleanText } from './text'
import { schemaWords } from '../i18n/schema-words'
import { strings as shortcutStrings, type ShortcutWords } from '../i18n/strings/shortcut'

/** The alert sounds the console generates itself (Web Audio), so nothing is shipped or fetched. */
export const ALERT_SOUNDS = ['chime', 'bell', 'pulse'] as const
export type AlertSound = (typeof ALERT_SOUNDS)[number]

/** The ranges of the attention settings, from this one place for main's schema and the renderer's fields. */
export const ATTENTION_RANGES = {
  /** A queue with at least this many callers waiting has crossed its threshold. */
  queueAlertCallers: { min: 1, max: 500 },
  /** A parked call this close (seconds) to its timeout is about to come back. */
  parkWarnSeconds: { min: 5, max: 600 },
  volume: { min: 0, max: 100 },
} as const

/**
 * Keys attention once had: `waitAlertSeconds` (a caller ringing or queued too long) gave way to
 * the limits that turn the calls list's timer red (Settings' ringAlertSeconds and holdAlertSeconds),
 * one idea of "waiting too long". A settings file
 * that still holds it is read without it (settings-service.ts).
 */
export const RETIRED_ATTENTION_KEYS = ['waitAlertSeconds'] as const

/** How the console asks for the operator's attention; kept with the seat's other settings. */
export const attentionSettingsSchema = z.strictObject({
  /** Native notifications (desktop) or the browser's (web mode). */
  notifications: z.boolean(),
  sound: z.enum(ALERT_SOUNDS),
  muted: z.boolean(),
  volume: z.number().int().min(ATTENTION_RANGES.volume.min).max(ATTENTION_RANGES.volume.max),
  queueAlertCallers: z.number().int().min(ATTENTION_RANGES.queueAlertCallers.min).max(ATTENTION_RANGES.queueAlertCallers.max),
  parkWarnSeconds: z.number().int().min(ATTENTION_RANGES.parkWarnSeconds.min).max(ATTENTION_RANGES.parkWarnSeconds.max),
})
export type AttentionSettings = z.infer<typeof attentionSettingsSchema>

export const defaultAttentionSettings: AttentionSettings = {
  notifications: true,
  sound: 'chime',
  muted: false,
  volume: 60,
  queueAlertCallers: 3,
  parkWarnSeconds: 20,
}

const MODIFIERS = new Set(['commandorcontrol', 'cmdorctrl', 'command', 'cmd', 'control', 'ctrl', 'alt', 'option', 'altgr', 'shift', 'super', 'meta'])
const KEY = /^(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4]))$/

/**
 * Why an Electron accelerator is not one a global shortcut may use, or undefined when it is: one
 * letter, digit or F-key with at least one modifier other than Shift alone (a bare letter would
 * steal typing from every other application). The empty string means "no shortcut". `words` are
 * the caller's (main's `say`, a window's `tr`) of the shared fragment i18n/strings/shortcut.ts.
 */
export function acceleratorProblem(accelerator: string, words: ShortcutWords): string | undefined {
  if (accelerator === '') return undefined
  const parts = accelerator.split('+')
  const key = parts.at(-1) ?? ''
  const mods = parts.slice(0, -1).map((m) => m.toLowerCase())
  if (!KEY.test(key.toUpperCase())) return words('key')
  if (mods.some((m) => !MODIFIERS.has(m))) return words('modifiers')
  if (new Set(mods).size !== mods.length) return words('twice')
  if (mods.filter((m) => m !== 'shift').length === 0) return words('needsModifier')
  return undefined
}

const schemaShortcutWords = schemaWords(shortcutStrings)

export const acceleratorSchema = z
  .string()
  .max(60)
  .refine((a) => acceleratorProblem(a, schemaShortcutWords) === undefined, { error: () => schemaShortcutWords('unusable') })

/** The desktop window and click-to-dial (ignored in web mode, where the browser owns both). */
export const desktopSettingsSchema = z.strictObject({
  alwaysOnTop: z.boolean(),
  /** The global shortcut that dials the number in the clipboard ('' = none). */
  dialShortcut: acceleratorSchema,
})
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>

export const defaultDesktopSettings: DesktopSettings = { alwaysOnTop: false, dialShortcut: 'CommandOrControl+Alt+D' }

/** What deserves the operator's attention (features/attention/attention-rules.ts decides). */
export const ALERT_KINDS = ['ringing', 'waiting', 'queue', 'parked'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** attention.notify: a native notification the desktop shows for the window that asks. */
export const notifyInputSchema = z.strictObject({
  profileId: profileIdSchema,
  kind: z.enum(ALERT_KINDS),
  title: cleanText(120, { min: 1 }),
  body: cleanText(300),
  /** The call a click selects (absent: the alert is about a queue). */
  callId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,150}$/)
    .optional(),
})
export type NotifyInput = z.infer<typeof notifyInputSchema>

/** How the shown PBX's connection is, as the tray and badge say it. */
export const TRAY_CONNECTIONS = ['live', 'stale', 'down', 'none'] as const
export type TrayConnection = (typeof TRAY_CONNECTIONS)[number]

/** attention.status: what the tray, the dock badge and the taskbar show for this window. */
export const attentionStatusSchema = z.strictObject({
  connection: z.enum(TRAY_CONNECTIONS),
  /** Calls ringing or queued now. */
  waiting: z.number().int().min(0).max(100_000),
  /** The PBX's name, for the tray's tooltip. */
  pbx: cleanText(80),
  /** The seat's own phone on do not disturb; null when the PBX says nothing of it (no presence). */
  dnd: z.boolean().nullable().default(null),
})
export type AttentionStatus = z.output<typeof attentionStatusSchema>

/** What the tray's menu asks the window to do (the window acts, through the guard, as its seat). */
export interface TrayAction {
  readonly action: 'toggleDnd'
}

/** A click on a notification or the tray: the window comes to the front with this call selected. */
export interface AttentionActivated {
  readonly profileId?: string
  /** Absent: select the call waiting longest. */
  readonly callId?: string
}

export type DialSource = 'tel' | 'sip' | 'callto' | 'clipboard'

/**
 * A number to dial that came from outside the window (a link, the clipboard shortcut): the window
 * asks the operator before anything is dialled. A link or clipboard text that holds no number
 * arrives refused, with the reason, so the operator learns why nothing happened.
 */
export type DialRequest =
  | {
      readonly kind: 'dial'
      /** Distinguishes two requests for one number. */
      readonly id: number
      /** What the guard is given: digits, with a leading + or the * and # of feature codes. */
      readonly number: string
      readonly source: DialSource
      /** The link or clipboard text, shortened, to show where the number came from. */
      readonly from: string
    }
  | { readonly kind: 'refused'; readonly id: number; readonly source: DialSource; readonly from: string; readonly reason: string }

/** attention.shell: what the desktop shell offers (nothing in web mode). */
export interface ShellState {
  readonly desktop: boolean
  /** The dial shortcut as registered: taken by another application when `registered` is false. */
  readonly shortcut: { readonly accelerator: string; readonly registered: boolean }
  /** A link that arrived before the window was ready (the first launch came with one). */
  readonly pendingDial: DialRequest | null
}
