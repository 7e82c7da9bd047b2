import { defineStrings } from '../catalogue'
import type { Translate } from '../translator'

/**
 * A call-flow toggle's name (callFlowWords in types/config.ts): FreePBX's Day/Night toggles are
 * known by their number, with FreePBX's description when it gives one (kept as FreePBX wrote it).
 */
export const strings = defineStrings('sharedCallFlow', {
  en: {
    plain: 'Call flow {{number}}',
    named: 'Call flow {{number}} ({{name}})',
  },
  de: {
    plain: 'Anruffluss {{number}}',
    named: 'Anruffluss {{number}} ({{name}})',
  },
  fr: {
    plain: 'Flux d’appel {{number}}',
    named: 'Flux d’appel {{number}} ({{name}})',
  },
})

/** The translate function of these words: main passes its `say(strings)` (or `inEnglish` for the audit), a window its `tr(strings)`. */
export type CallFlowNameWords = Translate<(typeof strings)['texts']['en']>
