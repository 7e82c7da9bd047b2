import { z } from 'zod'
import { refusal } from './input-words'

/**
 * Characters no typed text needs and that hide or disguise what is stored: C0 and C1 controls
 * (NUL, escape, CR/LF in a one-line field), DEL, and the invisible bidirectional marks and
 * overrides (U+200E/F, U+061C, U+202A-202E, U+2066-2069) that make "Evil\u202Eelif.exe" read as
 * "Evilexe.file" in an admin's list or audit log.
 */
const CONTROL = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F'
const BIDI = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069'
const ONE_LINE_UNSAFE = `${CONTROL}\\t\\n\\r${BIDI}`
/** Multi-line text (a pasted PEM certificate) keeps tab, CR and LF; everything else is refused alike. */
const MULTI_LINE_UNSAFE = `${CONTROL}${BIDI}`

export interface CleanTextOptions {
  /** Fewest characters (default 0). */
  readonly min?: number
  /** Allow tab, CR and LF (pasted blocks of text); one-line fields refuse them. */
  readonly multiline?: boolean
}

/**
 * The one schema for free text that crosses the contract: bounded, and refused (not silently
 * cleaned) when it holds control characters or hidden direction marks. The error names the field
 * through its path ("profile.name: ...").
 */
export function cleanText(max: number, options: CleanTextOptions = {}): z.ZodString {
  const multiline = options.multiline ?? false
  return z
    .string()
    .min(options.min ?? 0)
    .max(max)
    .regex(new RegExp(`^[^${multiline ? MULTI_LINE_UNSAFE : ONE_LINE_UNSAFE}]*$`, 'u'), refusal(multiline ? 'text.multiLine' : 'text.oneLine'))
}
