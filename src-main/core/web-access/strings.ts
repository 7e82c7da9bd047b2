import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** Admin's web link, as the desktop app answers it. */
export const strings = defineStrings('webAccessMain', {
  en: {
    desktop: 'The desktop app opens without a link; only web mode (npm run web) has one.',
  },
  de: {
    desktop: 'Die Desktop-App öffnet sich ohne Link; nur der Web-Modus (npm run web) hat einen.',
  },
  fr: {
    desktop: 'L’application de bureau s’ouvre sans lien\u00a0; seul le mode web (npm run web) en a un.',
  },
})
