import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What settings.set refuses with: a shorter history retention that would remove cached calls unconfirmed. */
export const strings = defineStrings('settingsMain', {
  en: {
    days_one: '{{count, number}} day',
    days_other: '{{count, number}} days',
    cachedCalls_one: '{{count, number}} cached call',
    cachedCalls_other: '{{count, number}} cached calls',
    confirmRemoval: 'Keeping {{days}} of history would remove {{calls}}; confirm the removal first.',
    confirmAgain: 'Keeping {{days}} of history would now remove {{calls}}, more than the {{confirmed, number}} confirmed; confirm again.',
  },
  de: {
    days_one: '{{count, number}} Tag',
    days_other: '{{count, number}} Tage',
    cachedCalls_one: '{{count, number}} gespeicherten Anruf',
    cachedCalls_other: '{{count, number}} gespeicherte Anrufe',
    confirmRemoval: 'Ein Anrufverlauf von {{days}} würde {{calls}} löschen; bestätigen Sie das Löschen zuerst.',
    confirmAgain:
      'Ein Anrufverlauf von {{days}} würde jetzt {{calls}} löschen, mehr als die {{confirmed, number}} bestätigten; bestätigen Sie erneut.',
  },
  fr: {
    days_one: '{{count, number}} jour',
    days_many: '{{count, number}} jours',
    days_other: '{{count, number}} jours',
    cachedCalls_one: '{{count, number}} appel enregistré',
    cachedCalls_many: '{{count, number}} appels enregistrés',
    cachedCalls_other: '{{count, number}} appels enregistrés',
    confirmRemoval: 'Conserver {{days}} d’historique supprimerait {{calls}}\u00a0; confirmez d’abord la suppression.',
    confirmAgain:
      'Conserver {{days}} d’historique supprimerait maintenant {{calls}}, plus que les {{confirmed, number}} confirmés\u00a0; confirmez à nouveau.',
  },
})
