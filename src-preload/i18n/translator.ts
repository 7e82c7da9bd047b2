import i18next, { type i18n } from 'i18next'
import type { StringsFragment, TextKey, Texts } from './catalogue'
import { FALLBACK_LANGUAGE, LANGUAGES, type Language } from './languages'

/** Values a text's {{placeholders}} and plural count take. */
export type TextParams = Readonly<Record<string, string | number>>

/** A namespace's translate function: keys checked at compile time against the English texts. */
export type Translate<T extends Texts> = (key: TextKey<T>, params?: TextParams) => string

/**
 * One i18next instance over the given fragments (main's and the renderer's each assemble theirs).
 * Keys are flat, so neither '.' nor ':' separates anything; values are inserted as plain text
 * (React escapes what it renders; main's texts go to native menus and notifications, not HTML).
 */
export function createCatalogue(fragments: readonly StringsFragment[], language: Language): i18n {
  const resources: Record<string, Record<string, Texts>> = {}
  for (const lang of LANGUAGES) resources[lang] = {}
  for (const fragment of fragments) {
    for (const lang of LANGUAGES) {
      const bucket = resources[lang]
      if (bucket === undefined) continue
      if (bucket[fragment.namespace] !== undefined) throw new Error(`Two string fragments claim the namespace '${fragment.namespace}'`)
      bucket[fragment.namespace] = fragment.texts[lang]
    }
  }
  const instance = i18next.createInstance()
  void instance.init({
    resources,
    lng: language,
    fallbackLng: FALLBACK_LANGUAGE,
    ns: fragments.map((f) => f.namespace),
    keySeparator: false,
    nsSeparator: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  })
  return instance
}

/** The translate function of one fragment, in the instance's current language at each call. */
export function translator<T extends Texts>(instance: i18n, fragment: StringsFragment<T>): Translate<T> {
  // Keys are checked by Translate's type; i18next sees plain strings (no global resource typing).
  const t = instance.getFixedT(null, fragment.namespace) as unknown as (key: string, options?: TextParams) => string
  return (key, params) => t(key, params)
}
