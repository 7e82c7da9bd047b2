import { defineStrings } from '../../../src-preload/i18n/catalogue'

/**
 * Why ARI's event connection is down, as the status bar shows it (login refused, no ARI there, the
 * PBX not answering). {{where}} names the connection and its host.
 */
export const strings = defineStrings('ariMain', {
  en: {
    'events.where': 'ARI events at {{host}}',
    'events.authFailed': '{{where}}: authentication failed',
    'events.noEndpoint': '{{where}}: no ARI events endpoint here',
    'events.upgradeRefused': '{{where}}: upgrade refused with HTTP {{status}}',
    'events.noAnswer': '{{where}}: no answer to the connection request in time (the PBX is not answering)',
    'events.pingUnanswered': '{{where}}: no answer to a ping within {{ms}} ms (the PBX is not answering)',
  },
  de: {
    'events.where': 'ARI-Ereignisse auf {{host}}',
    'events.authFailed': '{{where}}: Anmeldung abgelehnt',
    'events.noEndpoint': '{{where}}: hier gibt es keinen ARI-Ereignis-Endpunkt',
    'events.upgradeRefused': '{{where}}: Verbindungsaufbau mit HTTP {{status}} abgelehnt',
    'events.noAnswer': '{{where}}: keine rechtzeitige Antwort auf den Verbindungsaufbau (die Telefonanlage antwortet nicht)',
    'events.pingUnanswered': '{{where}}: keine Antwort auf einen Ping innerhalb von {{ms}} ms (die Telefonanlage antwortet nicht)',
  },
  fr: {
    'events.where': 'événements ARI sur {{host}}',
    'events.authFailed': '{{where}} : authentification refusée',
    'events.noEndpoint': '{{where}} : aucun point d’accès aux événements ARI ici',
    'events.upgradeRefused': '{{where}} : connexion refusée avec HTTP {{status}}',
    'events.noAnswer': '{{where}} : pas de réponse à temps à la demande de connexion (le PBX ne répond pas)',
    'events.pingUnanswered': '{{where}} : pas de réponse à un ping en {{ms}} ms (le PBX ne répond pas)',
  },
})
