import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What Admin's updates section is told by main (the updater's own states: src-main/electron/strings.ts). */
export const strings = defineStrings('updatesMain', {
  en: {
    webMode:
      'Updates belong to the desktop app. This page is served by the console itself, so it shows the version the console runs; update the console where it is installed.',
    notSaved: 'The update settings could not be saved sealed ({{reason}}); nothing was changed.',
  },
  de: {
    webMode:
      'Updates gehören zur Desktop-App. Diese Seite wird von der Konsole selbst ausgeliefert und zeigt daher die Version, die die Konsole ausführt; aktualisieren Sie die Konsole dort, wo sie installiert ist.',
    notSaved: 'Die Update-Einstellungen konnten nicht versiegelt gespeichert werden ({{reason}}); es wurde nichts geändert.',
  },
  fr: {
    webMode:
      'Les mises à jour concernent l’application de bureau. Cette page est servie par la console elle-même et affiche donc la version qu’elle exécute\u00a0; mettez à jour la console là où elle est installée.',
    notSaved: 'Les réglages de mise à jour n’ont pas pu être enregistrés scellés ({{reason}})\u00a0; rien n’a été modifié.',
  },
})
