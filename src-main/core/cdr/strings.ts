import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What the History screen is told when the call history cache cannot answer. */
export const strings = defineStrings('cdrMain', {
  en: {
    unavailable: 'The call history cache is not available right now',
  },
  de: {
    unavailable: 'Der gespeicherte Anrufverlauf ist gerade nicht verfügbar',
  },
  fr: {
    unavailable: 'L’historique des appels enregistré n’est pas disponible pour le moment',
  },
})
