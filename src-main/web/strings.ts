import { defineStrings } from '../../src-preload/i18n/catalogue'

/** What web mode's server tells a browser page itself (the console's own messages come from the core). */
export const strings = defineStrings('webMain', {
  en: {
    tokenReplaced: 'This link no longer opens the console: its access token was replaced',
    downloadExpired: 'This download link has expired; export again.',
  },
  de: {
    tokenReplaced: 'Dieser Link öffnet die Konsole nicht mehr: Sein Zugangsschlüssel wurde ersetzt',
    downloadExpired: 'Dieser Download-Link ist abgelaufen; exportieren Sie erneut.',
  },
  fr: {
    tokenReplaced: 'Ce lien n’ouvre plus la console\u00a0: son jeton d’accès a été remplacé',
    downloadExpired: 'Ce lien de téléchargement a expiré\u00a0; exportez à nouveau.',
  },
})
