import { defineStrings } from '../../../src-preload/i18n/catalogue'

/**
 * Why the AMI connection dropped, as the status bar shows it inside the connection's sentence
 * ("AMI connection failed: …", "AMI: the PBX is not answering (…)"). What the operating system or
 * Asterisk said ({{detail}}) stays as it came.
 */
export const strings = defineStrings('amiMain', {
  en: {
    cannotOpen: 'cannot open the AMI connection',
    closedByServer: 'AMI connection closed by the server',
    loginTimeout: 'AMI login not completed within {{ms}} ms',
    pingUnanswered: 'Ping unanswered: connection is half-open',
    framing: 'AMI framing broken ({{reason}}): {{detail}}',
  },
  de: {
    cannotOpen: 'die AMI-Verbindung kann nicht geöffnet werden',
    closedByServer: 'die Telefonanlage hat die AMI-Verbindung geschlossen',
    loginTimeout: 'AMI-Anmeldung nicht innerhalb von {{ms}} ms abgeschlossen',
    pingUnanswered: 'Ping unbeantwortet: die Verbindung ist halb offen',
    framing: 'AMI-Datenstrom gestört ({{reason}}): {{detail}}',
  },
  fr: {
    cannotOpen: 'impossible d’ouvrir la connexion AMI',
    closedByServer: 'le PBX a fermé la connexion AMI',
    loginTimeout: 'connexion AMI non établie en {{ms}} ms',
    pingUnanswered: 'ping sans réponse : la connexion est à moitié ouverte',
    framing: 'flux AMI corrompu ({{reason}}) : {{detail}}',
  },
})
