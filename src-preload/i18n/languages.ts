import { z } from 'zod'

/** The languages whose catalogues are complete (a test fails when a string is missing from one). */
export const LANGUAGES = ['en', 'de', 'fr'] as const
export type Language = (typeof LANGUAGES)[number]

/** Each language named in itself, as a language menu shows it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', de: 'Deutsch', fr: 'Français' }

/** The setting: a language, or 'system' to follow the operating system (the browser in web mode). */
export const languageSettingSchema = z.enum(['system', ...LANGUAGES])
export type LanguageSetting = z.infer<typeof languageSettingSchema>

export const FALLBACK_LANGUAGE: Language = 'en'

const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag)

/**
 * The language to show: the chosen one, or under 'system' the first of the system's preferred
 * locales we have a catalogue for ('de-AT' → 'de'), English when none matches.
 */
export function resolveLanguage(setting: LanguageSetting, preferred: readonly string[]): Language {
  if (setting !== 'system') return setting
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? ''
    if (isLanguage(base)) return base
  }
  return FALLBACK_LANGUAGE
}

/**
 * The locale for dates, times and numbers: the system's own tag when it is of the shown language
 * (a Swiss German keeps 'de-CH' separators), else the language itself.
 */
export function resolveLocale(language: Language, preferred: readonly string[]): string {
  const own = preferred.find((tag) => tag.toLowerCase().split(/[-_]/)[0] === language)
  if (own === undefined) return language
  try {
    return Intl.getCanonicalLocales(own.replace('_', '-'))[0] ?? language
  } catch {
    return language
  }
}
