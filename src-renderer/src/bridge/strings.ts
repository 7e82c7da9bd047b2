import { defineStrings } from '../../../src-preload/i18n/catalogue'

export const strings = defineStrings('bridge', {
  en: { linkLost: 'Connection to the console was lost; the outcome is unknown' },
  de: { linkLost: 'Die Verbindung zur Konsole ist abgebrochen; das Ergebnis ist unbekannt' },
  fr: { linkLost: 'La connexion à la console a été perdue\u00a0; le résultat est inconnu' },
})
