import { defineStrings } from '../../../../src-preload/i18n/catalogue'

/** The people picker's rows: a lamp's state, a contact, the list's name. */
export const strings = defineStrings('peoplePicker', {
  en: {
    matches: '{{label}}: matches',
    contact: 'contact',
    'state.NOT_INUSE': 'Available',
    'state.INUSE': 'On a call',
    'state.BUSY': 'Busy',
    'state.UNAVAILABLE': 'Offline',
    'state.RINGING': 'Ringing',
    'state.RINGINUSE': 'Ringing (on a call)',
    'state.ONHOLD': 'On hold',
    'state.UNKNOWN': 'Unknown',
  },
  de: {
    matches: '{{label}}: Treffer',
    contact: 'Kontakt',
    'state.NOT_INUSE': 'Verfügbar',
    'state.INUSE': 'Im Gespräch',
    'state.BUSY': 'Besetzt',
    'state.UNAVAILABLE': 'Nicht erreichbar',
    'state.RINGING': 'Klingelt',
    'state.RINGINUSE': 'Klingelt (im Gespräch)',
    'state.ONHOLD': 'Gehalten',
    'state.UNKNOWN': 'Unbekannt',
  },
  fr: {
    matches: '{{label}} : résultats',
    contact: 'contact',
    'state.NOT_INUSE': 'Disponible',
    'state.INUSE': 'En communication',
    'state.BUSY': 'Occupé',
    'state.UNAVAILABLE': 'Injoignable',
    'state.RINGING': 'Sonne',
    'state.RINGINUSE': 'Sonne (en communication)',
    'state.ONHOLD': 'En attente',
    'state.UNKNOWN': 'Inconnu',
  },
})
