import type { i18n } from 'i18next'
import type { StringsFragment, Texts } from '../../../src-preload/i18n/catalogue'
import { localeFormat, type LocaleFormat } from '../../../src-preload/i18n/format'
import { FALLBACK_LANGUAGE, resolveLanguage, resolveLocale, type Language, type LanguageSetting } from '../../../src-preload/i18n/languages'
import { installSchemaWords } from '../../../src-preload/i18n/schema-words'
import { LANGUAGES } from '../../../src-preload/i18n/languages'
import { createCatalogue, translator, type Translate } from '../../../src-preload/i18n/translator'
import { MAIN_FRAGMENTS } from './fragments'

/**
 * Main's side of the catalogue: the words main itself puts in front of a person (errors that reach a
 * toast, the application menu, the tray, native notifications), in the language of the settings.
 * Settings are one per console, so main has one current language; under 'system' it follows the
 * operating system's preferred languages (Electron's), or Node's locale in web mode.
 */
let instance: i18n | null = null
const catalogue = (): i18n => (instance ??= createCatalogue(MAIN_FRAGMENTS, FALLBACK_LANGUAGE))

/** The fragments in the catalogue by namespace: the listed ones, and any other the first time `say` is given it. */
const known = new Map<string, StringsFragment>(MAIN_FRAGMENTS.map((f) => [f.namespace, f]))

/**
 * A fragment not listed in fragments.ts (the shells' own: src-main/electron, src-main/web, and the
 * API layer, which no core domain may import) joins the catalogue when first used.
 */
function ensureInCatalogue(fragment: StringsFragment): void {
  const seen = known.get(fragment.namespace)
  if (seen === fragment) return
  if (seen !== undefined) throw new Error(`Two string fragments claim the namespace '${fragment.namespace}'`)
  known.set(fragment.namespace, fragment)
  for (const lang of LANGUAGES) catalogue().addResourceBundle(lang, fragment.namespace, fragment.texts[lang])
}

let current: { language: Language; format: LocaleFormat } = { language: FALLBACK_LANGUAGE, format: localeFormat(FALLBACK_LANGUAGE) }

export function setMainLanguage(setting: LanguageSetting, systemLocales: readonly string[]): Language {
  const language = resolveLanguage(setting, systemLocales)
  current = { language, format: localeFormat(resolveLocale(language, systemLocales)) }
  void catalogue().changeLanguage(language)
  return language
}

export const mainLanguage = (): Language => current.language
export const mainFormat = (): LocaleFormat => current.format

/** Node's own idea of the user's locale (LANG, LC_ALL), used when no shell tells better. */
export const nodeLocales = (): readonly string[] => [Intl.DateTimeFormat().resolvedOptions().locale]

/** A fragment's translate function, reading the current language at each call (see the renderer's `tr`). */
export function say<T extends Texts>(fragment: StringsFragment<T>): Translate<T> {
  let bound: Translate<T> | null = null
  return (key, params) => {
    if (bound === null) {
      ensureInCatalogue(fragment)
      bound = translator(catalogue(), fragment)
    }
    return bound(key, params)
  }
}

// The contract's own refusals (a shared schema's message) in the console's language too.
installSchemaWords(say)
