import type { StringsFragment, Texts } from './catalogue'
import { createCatalogue, translator, type Translate } from './translator'

const cache = new WeakMap<StringsFragment, Translate<Texts>>()

/**
 * A fragment's words in English whatever the console's language: for records that stay English
 * (the audit, a pending change as the audit names it) where the words also exist translated.
 */
export function inEnglish<T extends Texts>(fragment: StringsFragment<T>): Translate<T> {
  let t = cache.get(fragment)
  if (t === undefined) {
    t = translator(createCatalogue([fragment], 'en'), fragment)
    cache.set(fragment, t)
  }
  return t
}
