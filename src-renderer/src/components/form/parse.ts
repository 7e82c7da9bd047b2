/**
 * What a field's text means: a value to commit, or why it cannot be one (shown beside the field).
 * Parsers are plain functions, so the rules of a field are tested without a browser.
 */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string }

export type Parse<T> = (text: string) => Parsed<T>

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value })
const fail = <T>(error: string): Parsed<T> => ({ ok: false, error })

/** A whole number from `min` to `max`; the error names the range (`10–3600`). */
export function wholeNumber(min: number, max: number): Parse<number> {
  return (text) => {
    const n = Number(text)
    return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? ok(n) : fail(`${String(min)}–${String(max)}`)
  }
}

/** "a, b c" → ['a', 'b', 'c']: items separated by commas or spaces, blanks dropped. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')

export const joinList = (items: readonly string[]): string => items.join(', ')

/** A list typed as text; every text is a list (possibly empty). */
export const listOf: Parse<string[]> = (text) => ok(splitList(text))

/** Two lists with the same items in the same order (a list field commits only a change). */
export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
