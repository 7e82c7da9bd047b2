import { defineStrings } from '../../../src-preload/i18n/catalogue'

/**
 * What main's reports tell a person: a seat refused, the store unreachable, and why a queue_log line
 * was not imported. CSV headers and audit details stay English (data).
 */
export const strings = defineStrings('reportsMain', {
  en: {
    forbidden: 'Reports are for supervisors and admins; this seat is {{role}}.',
    roleReceptionist: 'receptionist',
    roleSupervisor: 'supervisor',
    roleAdmin: 'admin',
    storeUnavailable: 'The report store is not available right now',
    lineNotQueueLog: 'not a queue_log line (time|callid|queue|agent|event|data…)',
    lineNotATime: '"{{time}}" is not a time (epoch seconds or YYYY-MM-DD HH:MM:SS)',
    lineNoMember: "{{event}} without the member's name",
    lineNoCaller: "{{event}} without the caller's id",
  },
  de: {
    forbidden: 'Berichte sind Supervisoren und Administratoren vorbehalten; dieser Arbeitsplatz hat die Rolle „{{role}}“.',
    roleReceptionist: 'Empfang',
    roleSupervisor: 'Supervisor',
    roleAdmin: 'Administrator',
    storeUnavailable: 'Der Berichtsspeicher ist gerade nicht verfügbar',
    lineNotQueueLog: 'keine queue_log-Zeile (time|callid|queue|agent|event|data…)',
    lineNotATime: '„{{time}}“ ist keine Zeitangabe (Epochensekunden oder YYYY-MM-DD HH:MM:SS)',
    lineNoMember: '{{event}} ohne den Namen des Mitglieds',
    lineNoCaller: '{{event}} ohne die ID des Anrufers',
  },
  fr: {
    forbidden: 'Les rapports sont réservés aux superviseurs et aux administrateurs ; ce poste de travail a le rôle « {{role}} ».',
    roleReceptionist: 'accueil',
    roleSupervisor: 'superviseur',
    roleAdmin: 'administrateur',
    storeUnavailable: 'Le stockage des rapports n’est pas disponible pour le moment',
    lineNotQueueLog: 'pas une ligne de queue_log (time|callid|queue|agent|event|data…)',
    lineNotATime: '« {{time}} » n’est pas une heure (secondes epoch ou YYYY-MM-DD HH:MM:SS)',
    lineNoMember: '{{event}} sans le nom du membre',
    lineNoCaller: '{{event}} sans l’identifiant de l’appelant',
  },
})
