import { defineStrings } from '../catalogue'
import type { Translate } from '../translator'

/**
 * The PBX's clock against the profile's Time zone and this computer's (compareClock in
 * types/pbx-clock.ts): main says it in the status and the profile editor says it as the zone is
 * typed. Offsets (UTC+1, UTC−5:30) and zone names (CET, Europe/Berlin) stay as written.
 */
export const strings = defineStrings('sharedClock', {
  en: {
    zoneDiffers:
      'The PBX\'s clock runs on {{pbx}}, but this profile says {{zone}} ({{offset}}): history times and "today" would be off by the difference. Set the PBX\'s own zone here unless the PBX is wrong.',
    aheadMinutes_one: "The PBX's clock is {{count, number}} minute ahead of this computer's: one of the two is wrong.",
    aheadMinutes_other: "The PBX's clock is {{count, number}} minutes ahead of this computer's: one of the two is wrong.",
    behindMinutes_one: "The PBX's clock is {{count, number}} minute behind this computer's: one of the two is wrong.",
    behindMinutes_other: "The PBX's clock is {{count, number}} minutes behind this computer's: one of the two is wrong.",
    aheadSeconds_one: "The PBX's clock is {{count, number}} second ahead of this computer's: one of the two is wrong.",
    aheadSeconds_other: "The PBX's clock is {{count, number}} seconds ahead of this computer's: one of the two is wrong.",
    behindSeconds_one: "The PBX's clock is {{count, number}} second behind this computer's: one of the two is wrong.",
    behindSeconds_other: "The PBX's clock is {{count, number}} seconds behind this computer's: one of the two is wrong.",
  },
  de: {
    zoneDiffers:
      'Die Uhr der Telefonanlage läuft auf {{pbx}}, dieses Profil nennt aber {{zone}} ({{offset}}): Zeiten im Anrufverlauf und „heute“ wären um den Unterschied verschoben. Tragen Sie hier die Zeitzone der Telefonanlage ein, außer die Telefonanlage irrt.',
    aheadMinutes_one: 'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Minute vor: Eine der beiden Uhren stimmt nicht.',
    aheadMinutes_other: 'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Minuten vor: Eine der beiden Uhren stimmt nicht.',
    behindMinutes_one: 'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Minute nach: Eine der beiden Uhren stimmt nicht.',
    behindMinutes_other:
      'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Minuten nach: Eine der beiden Uhren stimmt nicht.',
    aheadSeconds_one: 'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Sekunde vor: Eine der beiden Uhren stimmt nicht.',
    aheadSeconds_other:
      'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Sekunden vor: Eine der beiden Uhren stimmt nicht.',
    behindSeconds_one: 'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Sekunde nach: Eine der beiden Uhren stimmt nicht.',
    behindSeconds_other:
      'Die Uhr der Telefonanlage geht gegenüber diesem Computer {{count, number}} Sekunden nach: Eine der beiden Uhren stimmt nicht.',
  },
  fr: {
    zoneDiffers:
      'L’horloge du PBX est à {{pbx}}, mais ce profil indique {{zone}} ({{offset}}) : les heures de l’historique des appels et « aujourd’hui » seraient décalées d’autant. Indiquez ici le fuseau horaire du PBX, sauf si c’est le PBX qui se trompe.',
    aheadMinutes_one: 'L’horloge du PBX avance de {{count, number}} minute sur celle de cet ordinateur : l’une des deux est fausse.',
    aheadMinutes_many: 'L’horloge du PBX avance de {{count, number}} minutes sur celle de cet ordinateur : l’une des deux est fausse.',
    aheadMinutes_other: 'L’horloge du PBX avance de {{count, number}} minutes sur celle de cet ordinateur : l’une des deux est fausse.',
    behindMinutes_one: 'L’horloge du PBX retarde de {{count, number}} minute sur celle de cet ordinateur : l’une des deux est fausse.',
    behindMinutes_many: 'L’horloge du PBX retarde de {{count, number}} minutes sur celle de cet ordinateur : l’une des deux est fausse.',
    behindMinutes_other: 'L’horloge du PBX retarde de {{count, number}} minutes sur celle de cet ordinateur : l’une des deux est fausse.',
    aheadSeconds_one: 'L’horloge du PBX avance de {{count, number}} seconde sur celle de cet ordinateur : l’une des deux est fausse.',
    aheadSeconds_many: 'L’horloge du PBX avance de {{count, number}} secondes sur celle de cet ordinateur : l’une des deux est fausse.',
    aheadSeconds_other: 'L’horloge du PBX avance de {{count, number}} secondes sur celle de cet ordinateur : l’une des deux est fausse.',
    behindSeconds_one: 'L’horloge du PBX retarde de {{count, number}} seconde sur celle de cet ordinateur : l’une des deux est fausse.',
    behindSeconds_many: 'L’horloge du PBX retarde de {{count, number}} secondes sur celle de cet ordinateur : l’une des deux est fausse.',
    behindSeconds_other: 'L’horloge du PBX retarde de {{count, number}} secondes sur celle de cet ordinateur : l’une des deux est fausse.',
  },
})

/** The translate function of these words: main passes its `say(strings)`, a window its `tr(strings)`. */
export type ClockWords = Translate<(typeof strings)['texts']['en']>
