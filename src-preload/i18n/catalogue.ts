import type { Language } from './languages'

/**
 * One catalogue fragment: a capability's strings under its own namespace, English first and the
 * other languages typed to the same keys, so a key missing from German or French fails to compile
 * (and test/unit/i18n/catalogue.test.ts fails on an empty text or a placeholder that differs).
 *
 * Keys are flat ('dial.placeholder'); plurals follow i18next: 'calls_one' / 'calls_other' (French
 * also needs '_many' for large round numbers, as Intl.PluralRules says), called as t('calls', { count }).
 * Placeholders are {{name}}; React escapes what is rendered, so values are inserted as text.
 */
export type Texts = Readonly<Record<string, string>>

export interface StringsFragment<T extends Texts = Texts> {
  readonly namespace: string
  readonly texts: { readonly en: T } & { readonly [L in Exclude<Language, 'en'>]: Translation<T> }
}

/** Another language's texts for English texts T: the same keys, plural forms free to differ. */
export type Translation<T extends Texts> = { readonly [K in keyof T as PluralFree<K & string>]: string } & Readonly<Record<string, string>>

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other'
type PluralFree<K extends string> = K extends `${string}_${PluralSuffix}` ? never : K

/** The key a caller passes: plural forms collapse to their base ('calls_one' → 'calls'). */
export type TextKey<T extends Texts> = keyof T extends infer K ? (K extends `${infer B}_${PluralSuffix}` ? B : K & string) : never

export function defineStrings<const T extends Texts>(namespace: string, texts: StringsFragment<T>['texts']): StringsFragment<T> {
  return { namespace, texts }
}
