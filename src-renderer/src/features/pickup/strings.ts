import { defineStrings } from '../../../../src-preload/i18n/catalogue'

export const strings = defineStrings('pickup', {
  en: {
    label: 'Directed pickup',
    'key.pickUp': 'Pick up the selected call ringing at another extension at your phone',
    notRinging: 'The selected call is not ringing at an extension.',
    ringsAtSeveral: 'The selected call rings at {{extensions}}: right-click the lamp to pick it up from.',
    lampAction: 'Pick up {{extension}}’s call at your phone',
    actionWord: 'Directed pickup',
  },
  de: {
    label: 'Gezieltes Heranholen',
    'key.pickUp': 'Den gewählten Anruf, der an einer anderen Nebenstelle klingelt, an Ihr Telefon heranholen',
    notRinging: 'Der gewählte Anruf klingelt an keiner Nebenstelle.',
    ringsAtSeveral:
      'Der gewählte Anruf klingelt an {{extensions}}: Klicken Sie mit der rechten Maustaste auf die Lampe, von der Sie ihn heranholen möchten.',
    lampAction: 'Anruf von {{extension}} an Ihr Telefon heranholen',
    actionWord: 'Gezieltes Heranholen',
  },
  fr: {
    label: 'Interception dirigée',
    'key.pickUp': 'Intercepter sur votre téléphone l’appel sélectionné qui sonne sur un autre poste',
    notRinging: 'L’appel sélectionné ne sonne sur aucun poste.',
    ringsAtSeveral: 'L’appel sélectionné sonne sur {{extensions}} : faites un clic droit sur le voyant du poste où l’intercepter.',
    lampAction: 'Intercepter l’appel du {{extension}} sur votre téléphone',
    actionWord: 'Interception dirigée',
  },
})
