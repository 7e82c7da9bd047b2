import { defineStrings } from '../../../src-preload/i18n/catalogue'

/**
 * The FreePBX API client's refusals that reach an admin (Test connection's FreePBX line, a
 * configuration write's refusal): a scope the API application lacks, an answer FreePBX garbled.
 * FreePBX's own words ({{said}}) stay as it wrote them; the client's "FreePBX API: " prefix is the
 * log's and is cut off before a person reads the rest.
 */
export const strings = defineStrings('freepbxMain', {
  en: {
    'rest.scope': 'the API application lacks the REST scope for {{route}} (add rest:{{route}})',
    'rest.scopeRoute': 'the API application lacks the REST scope for this route',
    'gql.scope': 'the API application lacks a scope this console needs ({{said}})',
    'gql.shape': 'unexpected GraphQL answer shape',
    'gql.empty': 'empty GraphQL answer (HTTP {{status}})',
    'gql.noData': 'GraphQL answer without data',
    'http.failed': 'HTTP {{status}}',
    'token.scope': 'the API application may not use the requested scope',
    'token.shape': 'token answer has an unexpected shape',
    'token.failed': 'token request failed with HTTP {{status}}',
    'token.failedSaid': 'token request failed with HTTP {{status}} ({{said}})',
  },
  de: {
    'rest.scope': 'der API-Anwendung fehlt der REST-Scope für {{route}} (fügen Sie rest:{{route}} hinzu)',
    'rest.scopeRoute': 'der API-Anwendung fehlt der REST-Scope für diese Route',
    'gql.scope': 'der API-Anwendung fehlt ein Scope, den diese Konsole braucht ({{said}})',
    'gql.shape': 'unerwartete Form der GraphQL-Antwort',
    'gql.empty': 'leere GraphQL-Antwort (HTTP {{status}})',
    'gql.noData': 'GraphQL-Antwort ohne Daten',
    'http.failed': 'Fehler HTTP {{status}}',
    'token.scope': 'die API-Anwendung darf den angeforderten Scope nicht verwenden',
    'token.shape': 'die Token-Antwort hat eine unerwartete Form',
    'token.failed': 'Token-Anfrage mit HTTP {{status}} fehlgeschlagen',
    'token.failedSaid': 'Token-Anfrage mit HTTP {{status}} fehlgeschlagen ({{said}})',
  },
  fr: {
    'rest.scope': 'il manque à l’application API le scope REST pour {{route}} (ajoutez rest:{{route}})',
    'rest.scopeRoute': 'il manque à l’application API le scope REST pour cette route',
    'gql.scope': 'il manque à l’application API un scope dont cette console a besoin ({{said}})',
    'gql.shape': 'réponse GraphQL de forme inattendue',
    'gql.empty': 'réponse GraphQL vide (HTTP {{status}})',
    'gql.noData': 'réponse GraphQL sans données',
    'http.failed': 'erreur HTTP {{status}}',
    'token.scope': 'l’application API ne peut pas utiliser le scope demandé',
    'token.shape': 'la réponse du jeton a une forme inattendue',
    'token.failed': 'la demande de jeton a échoué avec HTTP {{status}}',
    'token.failedSaid': 'la demande de jeton a échoué avec HTTP {{status}} ({{said}})',
  },
})
