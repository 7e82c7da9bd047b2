import { defineStrings } from '../catalogue'
import type { Translate } from '../translator'

/**
 * Why a global dial shortcut cannot be used (acceleratorProblem in types/attention.ts): Settings
 * says it beside the field as it is typed and main refuses a stored one in the same words, so both
 * sides read one fragment. Key names (CommandOrControl, Alt, F1-F24) are Electron's and stay.
 */
export const strings = defineStrings('sharedShortcut', {
  en: {
    key: 'The key must be a letter, a digit or F1-F24 (for example CommandOrControl+Alt+D).',
    modifiers: 'Use only CommandOrControl, Control, Alt, Shift or Super before the key.',
    twice: 'A modifier appears twice.',
    needsModifier: 'Add Control, Alt or CommandOrControl, so the shortcut does not take a key other applications need.',
    unusable: 'not a usable shortcut',
  },
  de: {
    key: 'Die Taste muss ein Buchstabe, eine Ziffer oder F1-F24 sein (zum Beispiel CommandOrControl+Alt+D).',
    modifiers: 'Verwenden Sie vor der Taste nur CommandOrControl, Control, Alt, Shift oder Super.',
    twice: 'Eine Zusatztaste steht doppelt im Tastenkürzel.',
    needsModifier: 'Nehmen Sie Control, Alt oder CommandOrControl hinzu, damit das Tastenkürzel keine Taste belegt, die andere Programme brauchen.',
    unusable: 'kein verwendbares Tastenkürzel',
  },
  fr: {
    key: 'La touche doit être une lettre, un chiffre ou F1-F24 (par exemple CommandOrControl+Alt+D).',
    modifiers: 'N’utilisez que CommandOrControl, Control, Alt, Shift ou Super avant la touche.',
    twice: 'Une touche de modification apparaît deux fois.',
    needsModifier: 'Ajoutez Control, Alt ou CommandOrControl, pour que le raccourci ne prenne pas une touche dont d’autres applications ont besoin.',
    unusable: 'raccourci inutilisable',
  },
})

/** The translate function of these words: main passes its `say(strings)`, a window its `tr(strings)`. */
export type ShortcutWords = Translate<(typeof strings)['texts']['en']>
