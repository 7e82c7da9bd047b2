import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** The toasts of an action's result, and of an action whose lost answer main settled later. */
export const strings = defineStrings('actions', {
  en: {
    about: '{{about}}: {{text}}',
    unknown: 'Outcome unknown: {{reason}}',
    unknownChecking: 'Outcome unknown: {{reason}}. Checking the PBX’s call list…',
    'settled.done': '{{action}} done (after the PBX answered again): {{message}}',
    'settled.notDone': '{{action}} not done (after the PBX answered again): {{message}}',
    'settled.ended': '{{action}} cannot be told (after the PBX answered again): {{message}}',
    'settled.unknown': '{{action}} still unknown (after the PBX answered again): {{message}}',
  },
  de: {
    about: '{{about}}: {{text}}',
    unknown: 'Ergebnis unbekannt: {{reason}}',
    unknownChecking: 'Ergebnis unbekannt: {{reason}}. Die Anrufliste der Telefonanlage wird geprüft …',
    'settled.done': '{{action}} erledigt (nachdem die Telefonanlage wieder antwortete): {{message}}',
    'settled.notDone': '{{action}} nicht erledigt (nachdem die Telefonanlage wieder antwortete): {{message}}',
    'settled.ended': '{{action}}: nicht mehr feststellbar (nachdem die Telefonanlage wieder antwortete): {{message}}',
    'settled.unknown': '{{action}}: weiterhin unbekannt (nachdem die Telefonanlage wieder antwortete): {{message}}',
  },
  fr: {
    about: '{{about}} : {{text}}',
    unknown: 'Résultat inconnu : {{reason}}',
    unknownChecking: 'Résultat inconnu : {{reason}}. Vérification de la liste des appels du PBX…',
    'settled.done': '{{action}} effectué (après la reprise du PBX) : {{message}}',
    'settled.notDone': '{{action}} non effectué (après la reprise du PBX) : {{message}}',
    'settled.ended': '{{action}} : impossible à déterminer (après la reprise du PBX) : {{message}}',
    'settled.unknown': '{{action}} : toujours inconnu (après la reprise du PBX) : {{message}}',
  },
})
