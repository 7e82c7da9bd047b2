import { defineStrings } from '../../../../src-preload/i18n/catalogue'

/** How a caller is marked when the phonebook named them. */
export const strings = defineStrings('caller', {
  en: {
    fromPhonebook: 'from phonebook',
  },
  de: {
    fromPhonebook: 'aus dem Telefonbuch',
  },
  fr: {
    fromPhonebook: 'de l’annuaire',
  },
})
