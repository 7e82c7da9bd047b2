import { defineStrings } from '../../../src-preload/i18n/catalogue'

/** Words the live model's helpers put on screen: a party with no caller ID, the calls summary line. */
export const strings = defineStrings('live', {
  en: {
    unknown: 'Unknown',
    ringing_one: '{{count, number}} ringing',
    ringing_other: '{{count, number}} ringing',
    waiting_one: '{{count, number}} waiting',
    waiting_other: '{{count, number}} waiting',
    onHold_one: '{{count, number}} on hold',
    onHold_other: '{{count, number}} on hold',
    parked_one: '{{count, number}} parked',
    parked_other: '{{count, number}} parked',
  },
  de: {
    unknown: 'Unbekannt',
    ringing_one: '{{count, number}} klingelt',
    ringing_other: '{{count, number}} klingeln',
    waiting_one: '{{count, number}} wartet',
    waiting_other: '{{count, number}} warten',
    onHold_one: '{{count, number}} gehalten',
    onHold_other: '{{count, number}} gehalten',
    parked_one: '{{count, number}} geparkt',
    parked_other: '{{count, number}} geparkt',
  },
  fr: {
    unknown: 'Inconnu',
    ringing_one: '{{count, number}} sonne',
    ringing_many: '{{count, number}} sonnent',
    ringing_other: '{{count, number}} sonnent',
    waiting_one: '{{count, number}} patiente',
    waiting_many: '{{count, number}} patientent',
    waiting_other: '{{count, number}} patientent',
    onHold_one: '{{count, number}} en attente',
    onHold_many: '{{count, number}} en attente',
    onHold_other: '{{count, number}} en attente',
    parked_one: '{{count, number}} parqué',
    parked_many: '{{count, number}} parqués',
    parked_other: '{{count, number}} parqués',
  },
})
