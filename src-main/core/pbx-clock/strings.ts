import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** pbxClock.read's own refusal (the clock's warnings are shared with the editor: src-preload/i18n/strings/pbx-clock.ts). */
export const strings = defineStrings('pbxClockMain', {
  en: {
    unreadable: 'The PBX did not tell its time in a form the console reads',
  },
  de: {
    unreadable: 'Die Telefonanlage hat ihre Uhrzeit nicht in einer Form genannt, die die Konsole lesen kann',
  },
  fr: {
    unreadable: 'Le PBX n’a pas donné son heure sous une forme que la console sait lire',
  },
})
