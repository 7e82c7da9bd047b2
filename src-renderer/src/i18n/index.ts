import type { i18n } from 'i18next'
import type { StringsFragment, Texts } from '../../../src-preload/i18n/catalogue'
import { localeFormat, type LocaleFormat } from '../../../src-preload/i18n/format'
import { FALLBACK_LANGUAGE, resolveLanguage, resolveLocale, type Language, type LanguageSetting } from '../../../src-preload/i18n/languages'
import { installSchemaWords } from '../../../src-preload/i18n/schema-words'
import { createCatalogue, translator, type Translate } from '../../../src-preload/i18n/translator'

/**
 * The renderer's catalogue: every `strings.ts` under src-renderer/src and the shared fragments in
 * src-preload/i18n/strings, found at build time, so a folder's strings need no registration line.
 */
const found = import.meta.glob<StringsFragment>(['../**/strings.ts', '../../../src-preload/i18n/strings/*.ts'], { eager: true, import: 'strings' })
export const RENDERER_FRAGMENTS: readonly StringsFragment[] = Object.values(found)

let instance: i18n | null = null
const catalogue = (): i18n => (instance ??= createCatalogue(RENDERER_FRAGMENTS, FALLBACK_LANGUAGE))

let current: { language: Language; format: LocaleFormat } = { language: FALLBACK_LANGUAGE, format: localeFormat(FALLBACK_LANGUAGE) }

/** The browser's preferred locales ('system' follows them). */
const preferred = (): readonly string[] => (typeof navigator === 'undefined' ? [] : navigator.languages)

/**
 * Switches the language the renderer shows (the app remounts on a change, see main.tsx, so every
 * text already on screen is re-read) and marks <html lang> for screen readers and hyphenation.
 */
export function setLanguage(setting: LanguageSetting): Language {
  const language = resolveLanguage(setting, preferred())
  current = { language, format: localeFormat(resolveLocale(language, preferred())) }
  void catalogue().changeLanguage(language)
  if (typeof document !== 'undefined') document.documentElement.lang = language
  return language
}

export const currentLanguage = (): Language => current.language

/** Dates, times and numbers in the shown language's locale. */
export const fmt = (): LocaleFormat => current.format

/**
 * A fragment's translate function: `const t = tr(strings)` at module level, `t('key', { name })`
 * where a text is needed; it reads the current language at each call.
 */
export function tr<T extends Texts>(fragment: StringsFragment<T>): Translate<T> {
  let bound: Translate<T> | null = null
  return (key, params) => (bound ??= translator(catalogue(), fragment))(key, params)
}

// A shared schema parsed in a window refuses in the shown language too.
installSchemaWords(tr)
