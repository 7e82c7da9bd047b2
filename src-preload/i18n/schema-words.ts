import type { StringsFragment, Texts } from './catalogue'
import { inEnglish } from './english'
import type { Translate } from './translator'

/** How a side of the console turns a fragment into its translate function (main's `say`, a window's `tr`). */
export type WordsSource = <T extends Texts>(fragment: StringsFragment<T>) => Translate<T>

let source: WordsSource = inEnglish

/**
 * The contract's schemas are declared once, in shared code, before any language is known; the words
 * they refuse with (a `.regex(…)` or `.refine(…)` message, which the dispatcher shows before its own
 * plain words) are read when an input is parsed, through the side that parses it. Main and the
 * renderer install their own source at start; a schema parsed before (a test, a script) says English.
 */
export function installSchemaWords(own: WordsSource): void {
  source = own
}

/** A fragment's words for a schema's messages: `{ error: () => words('key') }`, read at parse time. */
export function schemaWords<T extends Texts>(fragment: StringsFragment<T>): Translate<T> {
  return (key, params) => source(fragment)(key, params)
}
