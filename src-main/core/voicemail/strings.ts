import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What voicemail tells the operator: listening by phone, the messages, why not (audit details stay English). */
export const strings = defineStrings('voicemailMain', {
  en: {
    outOfReach: 'That mailbox is not one you may listen to (yours: {{yours}}); an admin can name more in the profile',
    outOfReachMore: 'That mailbox is not one you may listen to (yours: {{yours}} …); an admin can name more in the profile',
    playbackWhy: 'Playing messages here needs the PBX to hand out their audio, and neither FreePBX’s API nor ARI does: listen by phone instead.',
    mailboxName: 'The PBX named that mailbox in a way the console does not dial',
    rings: 'Your phone ({{own}}) rings: answer it to hear the voicemail of {{name}} ({{newCount}} new, {{oldCount}} old)',
    noBoxSummary: 'This PBX cannot list the messages of a mailbox (VoicemailBoxSummary needs Asterisk 18.20 or 20.5 and later)',
    messages_one: '{{count}} message',
    messages_other: '{{count}} messages',
    notRead: 'The messages were not read',
    notLoaded: 'The mailboxes are not loaded yet: try again in a moment',
    noMailbox: 'The PBX has no mailbox {{mailbox}}',
    notListed: 'The PBX did not list its mailboxes (VoicemailUsersList): the counts may be old',
  },
  de: {
    outOfReach: 'Diese Mailbox dürfen Sie nicht abhören (Ihre: {{yours}}); ein Administrator kann weitere im Profil eintragen',
    outOfReachMore: 'Diese Mailbox dürfen Sie nicht abhören (Ihre: {{yours}} …); ein Administrator kann weitere im Profil eintragen',
    playbackWhy:
      'Um Nachrichten hier abzuspielen, müsste die Telefonanlage ihren Ton herausgeben, und weder die API von FreePBX noch ARI tun das: Hören Sie sie per Telefon ab.',
    mailboxName: 'Die Telefonanlage benennt diese Mailbox so, dass die Konsole sie nicht wählt',
    rings: 'Ihr Telefon ({{own}}) klingelt: Nehmen Sie ab, um die Voicemail von {{name}} zu hören ({{newCount}} neu, {{oldCount}} alt)',
    noBoxSummary:
      'Diese Telefonanlage kann die Nachrichten einer Mailbox nicht auflisten (VoicemailBoxSummary braucht Asterisk 18.20 oder 20.5 und neuer)',
    messages_one: '{{count}} Nachricht',
    messages_other: '{{count}} Nachrichten',
    notRead: 'Die Nachrichten wurden nicht gelesen',
    notLoaded: 'Die Mailboxen sind noch nicht geladen: Versuchen Sie es gleich noch einmal',
    noMailbox: 'Die Telefonanlage hat keine Mailbox {{mailbox}}',
    notListed: 'Die Telefonanlage hat ihre Mailboxen nicht aufgelistet (VoicemailUsersList): Die Zahlen sind eventuell veraltet',
  },
  fr: {
    outOfReach: 'Vous ne pouvez pas écouter cette boîte vocale (les vôtres : {{yours}}) ; un administrateur peut en ajouter dans le profil',
    outOfReachMore: 'Vous ne pouvez pas écouter cette boîte vocale (les vôtres : {{yours}} …) ; un administrateur peut en ajouter dans le profil',
    playbackWhy:
      'Lire les messages ici exige que le PBX en fournisse le son, ce que ne font ni l’API de FreePBX ni ARI : écoutez-les plutôt par téléphone.',
    mailboxName: 'Le PBX nomme cette boîte vocale d’une façon que la console ne compose pas',
    rings: 'Votre téléphone ({{own}}) sonne : répondez pour écouter la messagerie vocale de {{name}} ({{newCount}} nouveaux, {{oldCount}} anciens)',
    noBoxSummary: 'Ce PBX ne peut pas lister les messages d’une boîte vocale (VoicemailBoxSummary exige Asterisk 18.20 ou 20.5 et plus récent)',
    messages_one: '{{count}} message',
    messages_many: '{{count}} messages',
    messages_other: '{{count}} messages',
    notRead: 'Les messages n’ont pas été lus',
    notLoaded: 'Les boîtes vocales ne sont pas encore chargées : réessayez dans un instant',
    noMailbox: 'Le PBX n’a pas de boîte vocale {{mailbox}}',
    notListed: 'Le PBX n’a pas listé ses boîtes vocales (VoicemailUsersList) : les nombres sont peut-être anciens',
  },
})
