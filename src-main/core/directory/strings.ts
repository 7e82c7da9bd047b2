import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** Why the PBX's names may be out of date (the directory's problem line). */
export const strings = defineStrings('directoryMain', {
  en: {
    outOfDate: 'Names may be out of date: {{problem}}.',
    noAnswer: 'the PBX did not answer',
    freepbx: "FreePBX's extension list could not be read",
    astdb: "the PBX's database (AstDB) could not be read",
    voicemail: 'the voicemail users could not be read',
    callerid: "the phones' caller IDs could not be read",
  },
  de: {
    outOfDate: 'Namen sind eventuell veraltet: {{problem}}.',
    noAnswer: 'die Telefonanlage hat nicht geantwortet',
    freepbx: 'die Nebenstellenliste von FreePBX konnte nicht gelesen werden',
    astdb: 'die Datenbank der Telefonanlage (AstDB) konnte nicht gelesen werden',
    voicemail: 'die Voicemail-Benutzer konnten nicht gelesen werden',
    callerid: 'die Anrufer-IDs der Telefone konnten nicht gelesen werden',
  },
  fr: {
    outOfDate: 'Les noms ne sont peut-être pas à jour : {{problem}}.',
    noAnswer: 'le PBX n’a pas répondu',
    freepbx: 'la liste des postes de FreePBX n’a pas pu être lue',
    astdb: 'la base de données du PBX (AstDB) n’a pas pu être lue',
    voicemail: 'les utilisateurs de la messagerie vocale n’ont pas pu être lus',
    callerid: 'les identifiants d’appelant des téléphones n’ont pas pu être lus',
  },
})
