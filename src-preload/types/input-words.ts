import type { TextKey } from '../i18n/catalogue'
import type { TextParams } from '../i18n/translator'
import { schemaWords } from '../i18n/schema-words'
import { strings } from '../i18n/strings/input'

const words = schemaWords(strings)

/**
 * A shared schema's own message for a field it refuses, read when an input is parsed so it is in
 * the language of the side that parses (i18n/schema-words.ts): `.regex(pattern, refusal('extension'))`.
 */
export const refusal = (key: TextKey<(typeof strings)['texts']['en']>, params?: TextParams): { error: () => string } => ({
  error: () => words(key, params),
})
