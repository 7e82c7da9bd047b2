/**
 * The schema a token sees: FreePBX rebuilds it on every request from the active modules and the
 * token's scopes, so a field the token may not use is simply absent and asking for it is a
 * validation error ("Cannot query field …"), not a 403 (freepbx-api.md §1). Built with graphql-js,
 * one per distinct scope set (cached).
 *
 *   schemaFor(new ScopeSet(['gql:core']))   // extensions and inbound routes only
 */
import { GraphQLID, GraphQLInterfaceType, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, type GraphQLFieldConfigMap } from 'graphql'
import type { ScopeSet } from '../scopes'
import { cdrFields } from './cdr'
import type { GqlContext, ModuleFields } from './context'
import { extensionFields } from './extensions'
import { frameworkFields } from './framework'
import { inboundRouteFields } from './inbound-routes'
import { ringGroupFields } from './ringgroups'
import { voicemailFields } from './voicemail'

const cache = new Map<string, GraphQLSchema>()

export function schemaFor(scopes: ScopeSet): GraphQLSchema {
  let schema = cache.get(scopes.key)
  if (schema === undefined) {
    schema = buildSchema(scopes)
    cache.set(scopes.key, schema)
  }
  return schema
}

function buildSchema(scopes: ScopeSet): GraphQLSchema {
  const query: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  const mutation: GraphQLFieldConfigMap<unknown, GqlContext> = {}
  const add = (fields: ModuleFields, read: boolean, write: boolean): void => {
    if (read) Object.assign(query, fields.queries)
    if (write) Object.assign(mutation, fields.mutations)
  }
  const read = (module: string): boolean => scopes.coarse('gql', module, 'read')
  const write = (module: string): boolean => scopes.coarse('gql', module, 'write')
  add(extensionFields(), read('core'), write('core'))
  add(inboundRouteFields(), scopes.fine('gql', 'core', 'read', 'did'), scopes.fine('gql', 'core', 'write', 'did'))
  add(ringGroupFields(), read('ringgroups'), write('ringgroups'))
  add(voicemailFields({ read: scopes.fine('gql', 'voicemail', 'read', 'voicemail'), write: write('voicemail') }), true, true)
  add(cdrFields(), read('cdr'), false)
  add(
    frameworkFields({ system: scopes.fine('gql', 'framework', 'read', 'system'), modules: scopes.fine('gql', 'framework', 'read', 'modules') }),
    true,
    true,
  )
  // The api module always defines Relay's node interface (getNodeDefinition), so Query is never
  // empty; the demo resolves no node by global id.
  const node = new GraphQLInterfaceType({ name: 'Node', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } })
  query.node = { type: node, args: { id: { type: new GraphQLNonNull(GraphQLID) } }, resolve: () => null }
  return new GraphQLSchema({
    query: new GraphQLObjectType({ name: 'Query', fields: query }),
    ...(Object.keys(mutation).length > 0 ? { mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }) } : {}),
  })
}
