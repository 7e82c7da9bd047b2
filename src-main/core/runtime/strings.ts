import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** What a PBX profile's runtime says when an action cannot reach the PBX (shown in a toast). */
export const strings = defineStrings('runtimeMain', {
  en: {
    notConnected: 'Not connected to the PBX',
    notLoaded: 'The live state is not loaded yet',
    noRuntime: 'No connected PBX profile {{profileId}}',
  },
  de: {
    notConnected: 'Nicht mit der Telefonanlage verbunden',
    notLoaded: 'Der aktuelle Stand der Telefonanlage ist noch nicht geladen',
    noRuntime: 'Kein verbundenes Profil {{profileId}}',
  },
  fr: {
    notConnected: 'Non connecté au PBX',
    notLoaded: 'L’état en direct n’est pas encore chargé',
    noRuntime: 'Aucun profil de PBX connecté {{profileId}}',
  },
})
