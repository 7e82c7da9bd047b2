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
    'rest.authFailed': '{{where}}: authentication failed{{suffix}}',
    'rest.forbidden': '{{where}}: not allowed for this ARI user{{suffix}}',
    'rest.notFound': '{{where}}: not found{{suffix}}',
    'rest.http': '{{where}}: HTTP {{status}}{{suffix}}',
    'rest.shape': '{{where}}: unexpected {{what}} shape; is this an Asterisk ARI server?',
  },
  de: {
    'events.where': 'ARI-Ereignisse unter {{host}}',
    'events.authFailed': '{{where}}: Anmeldung abgelehnt',
    'events.noEndpoint': '{{where}}: hier gibt es keinen ARI-Ereignis-Endpunkt',
    'events.upgradeRefused': '{{where}}: Verbindungsaufbau mit HTTP {{status}} abgelehnt',
    'events.noAnswer': '{{where}}: keine rechtzeitige Antwort auf den Verbindungsaufbau (die Telefonanlage antwortet nicht)',
    'events.pingUnanswered': '{{where}}: keine Antwort auf einen Ping innerhalb von {{ms}} ms (die Telefonanlage antwortet nicht)',
    'rest.authFailed': '{{where}}: Anmeldung abgelehnt{{suffix}}',
    'rest.forbidden': '{{where}}: für diesen ARI-Benutzer nicht erlaubt{{suffix}}',
    'rest.notFound': '{{where}}: nicht gefunden{{suffix}}',
    'rest.http': '{{where}}: Fehler HTTP {{status}}{{suffix}}',
    'rest.shape': '{{where}}: unerwartete Form von {{what}}; ist das ein Asterisk-ARI-Server?',
  },
  fr: {
    'events.where': 'événements ARI sur {{host}}',
    'events.authFailed': '{{where}} : authentification refusée',
    'events.noEndpoint': '{{where}} : aucun point d’accès aux événements ARI ici',
    'events.upgradeRefused': '{{where}} : connexion refusée avec HTTP {{status}}',
    'events.noAnswer': '{{where}} : pas de réponse à temps à la demande de connexion (le PBX ne répond pas)',
    'events.pingUnanswered': '{{where}} : pas de réponse à un ping en {{ms}} ms (le PBX ne répond pas)',
    'rest.authFailed': '{{where}} : authentification refusée{{suffix}}',
    'rest.forbidden': '{{where}} : non autorisé pour cet utilisateur ARI{{suffix}}',
    'rest.notFound': '{{where}} : introuvable{{suffix}}',
    'rest.http': '{{where}} : erreur HTTP {{status}}{{suffix}}',
    'rest.shape': '{{where}} : forme inattendue de {{what}} ; est-ce un serveur ARI d’Asterisk ?',
  },
})
