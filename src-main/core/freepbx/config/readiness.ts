/**
 * What a FreePBX profile's API application may do for configuration, found without reading any
 * configuration: one GraphQL introspection of the root fields (FreePBX builds the schema from the
 * token's scopes and the enabled modules, so a field the application may not use is simply absent,
 * freepbx-api.md §1), `system { version needReload }`, and the queues REST list. It answers which
 * kinds can be read and which written, and, in the admin's words, what is missing: the API module,
 * a Machine-to-Machine application, each scope to add, an endpoint that does not answer.
 *
 * Where introspection itself is refused (graphql-php can disable it; FreePBX does not), each kind
 * is asked for one object that cannot exist instead: reads are then known, writes are not.
 */
import type { ConfigKind } from '../../../../src-preload/types/config'
import type { BackendFailure, BackendProbe, KindBackends } from '../../config/backend'
import { TransportError } from '../../net/transport-error'
import { FreepbxGraphqlError } from '../client'
import { type FreepbxRunner, record, records, str } from './gql'
import { QUEUE_SCOPE } from './queue-members'

/** The root fields each kind needs, and the scope that brings them (the coarse form first). */
interface GqlNeed {
  readonly what: string
  readonly module: string
  readonly read: { readonly fields: readonly string[]; readonly scope: string }
  readonly write: { readonly fields: readonly string[]; readonly scope: string }
}

const GQL_NEEDS: Readonly<Record<Exclude<ConfigKind, 'queueMembers'>, GqlNeed>> = {
  extension: {
    what: 'extensions',
    module: 'Core',
    read: { fields: ['fetchAllExtensions', 'fetchExtension'], scope: 'gql:core (or gql:core:read)' },
    write: { fields: ['addExtension', 'updateExtension', 'deleteExtension', 'createRangeofExtension'], scope: 'gql:core (or gql:core:write)' },
  },
  ringGroup: {
    what: 'ring groups',
    module: 'Ring Groups',
    read: { fields: ['fetchAllRingGroups', 'fetchRingGroup'], scope: 'gql:ringgroups (or gql:ringgroups:read)' },
    write: { fields: ['addRingGroup', 'updateRingGroup', 'deleteRingGroup'], scope: 'gql:ringgroups (or gql:ringgroups:write)' },
  },
  inboundRoute: {
    what: 'inbound routes',
    module: 'Core',
    read: { fields: ['allInboundRoutes', 'inboundRoute'], scope: 'gql:core (or gql:core:read:did)' },
    write: { fields: ['addInboundRoute', 'updateInboundRoute', 'removeInboundRoute'], scope: 'gql:core (or gql:core:write:did)' },
  },
  voicemail: {
    what: 'voicemail',
    module: 'Voicemail',
    read: { fields: ['fetchVoiceMail'], scope: 'gql:voicemail (or gql:voicemail:read:voicemail)' },
    write: { fields: ['enableVoiceMail', 'disableVoiceMail'], scope: 'gql:voicemail (or gql:voicemail:write)' },
  },
}

const APPLY = { fields: ['doreload', 'fetchApiStatus'], scope: 'gql:framework (or gql:framework:read:modules)' }
const SYSTEM = { field: 'system', scope: 'gql:framework (or gql:framework:read:system)' }
export const KIND_ORDER: readonly ConfigKind[] = ['extension', 'ringGroup', 'inboundRoute', 'voicemail', 'queueMembers']
const WHERE_SCOPES = 'FreePBX: Connectivity → API → Applications → the application → Allowed Scopes'

const INTROSPECTION = 'query AttendantReadiness { __schema { queryType { fields { name } } mutationType { fields { name } } } }'

/** The root fields the token sees, or undefined when introspection is refused. */
async function rootFields(run: FreepbxRunner): Promise<{ readonly queries: Set<string>; readonly mutations: Set<string> } | undefined> {
  try {
    return await run((c) =>
      c.query(INTROSPECTION, {}, (data) => {
        const schema = record(data.__schema)
        if (schema === undefined) throw new Error('no __schema')
        const names = (type: unknown): Set<string> => new Set(records(record(type)?.fields).map((f) => str(f.name)))
        return { queries: names(schema.queryType), mutations: names(schema.mutationType) }
      }),
    )
  } catch (err) {
    // A business or resolver refusal of __schema: introspection is off; anything else is the answer.
    if (err instanceof FreepbxGraphqlError && err.kind !== 'scope') return undefined
    throw err
  }
}

/** A scope's words without its finer alternative: "gql:core (or gql:core:read)" → "gql:core". */
const coarse = (scope: string): string => scope.split(' ')[0] ?? scope

export interface ReadinessDeps {
  readonly run: FreepbxRunner
  readonly kinds: KindBackends
  readonly explain: (err: unknown) => BackendFailure
}

/** Everything a profile's API application may do for configuration, and what it lacks, in words. */
export async function configReadiness(d: ReadinessDeps): Promise<BackendProbe> {
  const needs: string[] = []
  const scopes = new Set<string>()
  const missing = (need: string, scope: string): void => {
    needs.push(need)
    scopes.add(coarse(scope))
  }
  let fields: Awaited<ReturnType<typeof rootFields>>
  try {
    fields = await rootFields(d.run)
  } catch (err) {
    // No token, no GraphQL endpoint, no API module: nothing else can work.
    const f = d.explain(err)
    return { kinds: [], writable: [], canApply: false, needs: [f.message] }
  }
  const readable: ConfigKind[] = []
  const writable: ConfigKind[] = []
  let version: string | undefined
  let needReload: boolean | undefined
  if (fields !== undefined) {
    const has = (set: Set<string>, names: readonly string[]): boolean => names.every((n) => set.has(n))
    for (const [kind, need] of Object.entries(GQL_NEEDS) as [Exclude<ConfigKind, 'queueMembers'>, GqlNeed][]) {
      const mayRead = has(fields.queries, need.read.fields)
      const mayWrite = has(fields.mutations, need.write.fields)
      if (mayRead) readable.push(kind)
      if (mayRead && mayWrite) writable.push(kind)
      const module = `if the scope is already there, enable the ${need.module} module on FreePBX`
      if (!mayRead && !mayWrite)
        missing(
          `The API application may not read or change ${need.what}: add the scope ${need.read.scope.replace(/ \(or .*\)$/, '')} (${module}).`,
          need.read.scope,
        )
      else if (!mayRead) missing(`The API application may change ${need.what} but not read them: add the scope ${need.read.scope}.`, need.read.scope)
      else if (!mayWrite)
        missing(`The API application may read ${need.what} but not change them: add the scope ${need.write.scope}.`, need.write.scope)
    }
    // A mailbox list comes from the extensions: voicemail is usable only with them.
    if (!readable.includes('extension'))
      for (const list of [readable, writable]) list.splice(0, list.length, ...list.filter((k) => k !== 'voicemail'))
    const canApply = fields.mutations.has('doreload') && fields.queries.has('fetchApiStatus')
    if (!canApply)
      missing(
        `The API application may not run Apply Config, so changes would be written but never made live: add the scope ${APPLY.scope}.`,
        APPLY.scope,
      )
    if (fields.queries.has(SYSTEM.field)) {
      const system = await d
        .run((c) => c.query('query { system { version needReload } }', {}, (data) => record(data.system) ?? {}))
        .catch(() => undefined)
      version = /^(\d+)\./.exec(str(system?.version))?.[1]
      if (system !== undefined) needReload = system.needReload === true
    } else {
      missing(`The API application may not read whether FreePBX needs Apply Config, nor its version: add the scope ${SYSTEM.scope}.`, SYSTEM.scope)
    }
    const queues = await queuesAnswer(d)
    if (queues === undefined) {
      readable.push('queueMembers')
      writable.push('queueMembers')
    } else needs.push(queues.need)
    if (queues?.scope !== undefined) scopes.add(coarse(queues.scope))
    const order = (list: ConfigKind[]): ConfigKind[] => KIND_ORDER.filter((k) => list.includes(k))
    if (scopes.size > 0) needs.push(`Scopes to add: ${[...scopes].join(' ')} (${WHERE_SCOPES}; or give it the scopes gql and rest).`)
    return {
      kinds: order(readable),
      writable: order(writable),
      canApply,
      needs,
      ...(version === undefined ? {} : { version }),
      ...(needReload === undefined ? {} : { needReload }),
    }
  }
  // Introspection refused: ask each kind for an object that cannot exist; what fails names its scope.
  for (const kind of KIND_ORDER) {
    try {
      if (kind === 'queueMembers') {
        const q = await queuesAnswer(d)
        if (q !== undefined) throw new Error(q.need)
      } else await d.kinds[kind].get(kind === 'inboundRoute' ? 'attendant-probe/' : '0')
      readable.push(kind)
    } catch (err) {
      needs.push(err instanceof Error && kind === 'queueMembers' ? err.message : d.explain(err).message)
    }
  }
  return { kinds: readable, writable: readable, canApply: true, needs: [...new Set(needs)] }
}

/** The queues REST route: undefined when it answers, else what is missing. */
async function queuesAnswer(d: ReadinessDeps): Promise<{ readonly need: string; readonly scope?: string } | undefined> {
  try {
    const answer = await d.run((c) => c.rest('GET', '/queues/'))
    if (answer.status >= 500)
      return {
        need: `FreePBX's REST API fails (HTTP ${String(answer.status)}; some FreePBX 17 builds break it): queue members cannot be read or changed until FreePBX is updated.`,
      }
    return undefined
  } catch (err) {
    if (err instanceof TransportError && err.code === 'not_found')
      return {
        need: "FreePBX's REST API has no queues routes: queue members cannot be edited (enable the Queues module and the API module's REST API).",
      }
    const f = d.explain(err)
    if (f.code === 'forbidden')
      return { need: `The API application may not read or change queue members: add the scope ${QUEUE_SCOPE}.`, scope: QUEUE_SCOPE }
    return { need: `Queue members: ${f.message}` }
  }
}
