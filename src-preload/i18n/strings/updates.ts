import { defineStrings } from '../catalogue'
import type { Translate } from '../translator'

/**
 * What is wrong with an update address (feedUrlProblem in types/updates.ts): Admin says it beside
 * the field as it is typed, main refuses a save and a stored address in the same words.
 */
export const strings = defineStrings('sharedUpdates', {
  en: {
    tooLong: 'The update address is too long.',
    oneLine: 'The update address must be one line without spaces or control characters.',
    notWeb: 'The update address is not a web address (https://…).',
    https: 'The update address must start with https://.',
    credentials: 'The update address must not contain a user name or password.',
    noServer: 'The update address names no real server.',
    needed: 'Name the update address to turn updates on.',
  },
  de: {
    tooLong: 'Die Update-Adresse ist zu lang.',
    oneLine: 'Die Update-Adresse muss eine Zeile ohne Leer- oder Steuerzeichen sein.',
    notWeb: 'Die Update-Adresse ist keine Webadresse (https://…).',
    https: 'Die Update-Adresse muss mit https:// beginnen.',
    credentials: 'Die Update-Adresse darf weder Benutzernamen noch Passwort enthalten.',
    noServer: 'Die Update-Adresse nennt keinen echten Server.',
    needed: 'Geben Sie die Update-Adresse an, um Updates einzuschalten.',
  },
  fr: {
    tooLong: 'L’adresse des mises à jour est trop longue.',
    oneLine: 'L’adresse des mises à jour doit tenir sur une ligne, sans espaces ni caractères de contrôle.',
    notWeb: 'L’adresse des mises à jour n’est pas une adresse web (https://…).',
    https: 'L’adresse des mises à jour doit commencer par https://.',
    credentials: 'L’adresse des mises à jour ne doit contenir ni nom d’utilisateur ni mot de passe.',
    noServer: 'L’adresse des mises à jour ne désigne aucun serveur réel.',
    needed: 'Indiquez l’adresse des mises à jour pour les activer.',
  },
})

/** The translate function of these words: main passes its `say(strings)`, a window its `tr(strings)`. */
export type UpdateAddressWords = Translate<(typeof strings)['texts']['en']>
