import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What a directed pickup tells the operator: under way, or why not (the audit keeps the same words). */
export const strings = defineStrings('pickupMain', {
  en: {
    pickingUp: 'Picking up the call for {{name}} at your phone',
    notLoaded: 'The calls are not loaded yet: try again in a moment',
    notAnExtension: '{{extension}} is not an extension of this PBX',
    ownPhone: 'That call rings at your own phone ({{extension}}): answer it there',
    nothingRinging: 'Nothing is ringing at {{extension}} now',
  },
  de: {
    pickingUp: 'Der Anruf für {{name}} wird an Ihr Telefon herangeholt',
    notLoaded: 'Die Anrufe sind noch nicht geladen: Versuchen Sie es gleich noch einmal',
    notAnExtension: '{{extension}} ist keine Nebenstelle dieser Telefonanlage',
    ownPhone: 'Dieser Anruf klingelt an Ihrem eigenen Telefon ({{extension}}): Nehmen Sie ihn dort an',
    nothingRinging: 'An {{extension}} klingelt gerade nichts',
  },
  fr: {
    pickingUp: 'Interception de l’appel pour {{name}} sur votre téléphone',
    notLoaded: 'Les appels ne sont pas encore chargés : réessayez dans un instant',
    notAnExtension: '{{extension}} n’est pas un poste de ce PBX',
    ownPhone: 'Cet appel sonne sur votre propre téléphone ({{extension}}) : répondez-y là',
    nothingRinging: 'Rien ne sonne au poste {{extension}} en ce moment',
  },
})
