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
import { type FreepbxRunner, record, records, type Scope, scopeWords, str } from './gql'
import { QUEUE_SCOPE } from './queue-members'
import { say } from '../../i18n'
import { strings } from './strings'

const t = say(strings)

/** The root fields each kind needs, and the scope that brings them (the coarse form first). */
interface GqlNeed {
  readonly module: string
  readonly read: { readonly fields: readonly string[]; readonly scope: Scope }
  readonly write: { readonly fields: readonly string[]; readonly scope: Scope }
}

const GQL_NEEDS: Readonly<Record<Exclude<ConfigKind, 'queueMembers'>, GqlNeed>> = {
  extension: {
    module: 'Core',
    read: { fields: ['fetchAllExtensions', 'fetchExtension'], scope: { scope: 'gql:core', alternative: 'gql:core:read' } },
    write: {
      fields: ['addExtension', 'updateExtension', 'deleteExtension', 'createRangeofExtension'],
      scope: { scope: 'gql:core', alternative: 'gql:core:write' },
    },
  },
  ringGroup: {
    module: 'Ring Groups',
    read: { fields: ['fetchAllRingGroups', 'fetchRingGroup'], scope: { scope: 'gql:ringgroups', alternative: 'gql:ringgroups:read' } },
    write: {
      fields: ['addRingGroup', 'updateRingGroup', 'deleteRingGroup'],
      scope: { scope: 'gql:ringgroups', alternative: 'gql:ringgroups:write' },
    },
  },
  inboundRoute: {
    module: 'Core',
    read: { fields: ['allInboundRoutes', 'inboundRoute'], scope: { scope: 'gql:core', alternative: 'gql:core:read:did' } },
    write: {
      fields: ['addInboundRoute', 'updateInboundRoute', 'removeInboundRoute'],
      scope: { scope: 'gql:core', alternative: 'gql:core:write:did' },
    },
  },
  voicemail: {
    module: 'Voicemail',
    read: { fields: ['fetchVoiceMail'], scope: { scope: 'gql:voicemail', alternative: 'gql:voicemail:read:voicemail' } },
    write: { fields: ['enableVoiceMail', 'disableVoiceMail'], scope: { scope: 'gql:voicemail', alternative: 'gql:voicemail:write' } },
  },
}

const APPLY = { fields: ['doreload', 'fetchApiStatus'], scope: { scope: 'gql:framework', alternative: 'gql:framework:read:modules' } }
const SYSTEM = { field: 'system', scope: { scope: 'gql:framework', alternative: 'gql:framework:read:system' } }
export const KIND_ORDER: readonly ConfigKind[] = ['extension', 'ringGroup', 'inboundRoute', 'voicemail', 'queueMembers']

/** What a kind is called inside a sentence ("extensions", "Nebenstellen", "les postes"). */
export const kindWords = (kind: ConfigKind): string => t(`what.${kind}`)

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

export interface ReadinessDeps {
  readonly run: FreepbxRunner
  readonly kinds: KindBackends
  readonly explain: (err: unknown) => BackendFailure
}

/** Everything a profile's API application may do for configuration, and what it lacks, in words. */
export async function configReadiness(d: ReadinessDeps): Promise<BackendProbe> {
  const needs: string[] = []
  const scopes = new Set<string>()
  const missing = (need: string, scope: Scope): void => {
    needs.push(need)
    scopes.add(scope.scope)
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
      const what = kindWords(kind)
      if (!mayRead && !mayWrite) missing(t('need.none', { what, scope: need.read.scope.scope, module: need.module }), need.read.scope)
      else if (!mayRead) missing(t('need.noRead', { what, scope: scopeWords(need.read.scope) }), need.read.scope)
      else if (!mayWrite) missing(t('need.noWrite', { what, scope: scopeWords(need.write.scope) }), need.write.scope)
    }
    // A mailbox list comes from the extensions: voicemail is usable only with them.
    if (!readable.includes('extension'))
      for (const list of [readable, writable]) list.splice(0, list.length, ...list.filter((k) => k !== 'voicemail'))
    const canApply = fields.mutations.has('doreload') && fields.queries.has('fetchApiStatus')
    if (!canApply) missing(t('need.apply', { scope: scopeWords(APPLY.scope) }), APPLY.scope)
    if (fields.queries.has(SYSTEM.field)) {
      const system = await d
        .run((c) => c.query('query { system { version needReload } }', {}, (data) => record(data.system) ?? {}))
        .catch(() => undefined)
      version = /^(\d+)\./.exec(str(system?.version))?.[1]
      if (system !== undefined) needReload = system.needReload === true
    } else {
      missing(t('need.system', { scope: scopeWords(SYSTEM.scope) }), SYSTEM.scope)
    }
    const queues = await queuesAnswer(d)
    if (queues === undefined) {
      readable.push('queueMembers')
      writable.push('queueMembers')
    } else needs.push(queues.need)
    if (queues?.scope !== undefined) scopes.add(queues.scope)
    const order = (list: ConfigKind[]): ConfigKind[] => KIND_ORDER.filter((k) => list.includes(k))
    if (scopes.size > 0) needs.push(t('need.scopes', { scopes: [...scopes].join(' ') }))
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
    if (answer.status >= 500) return { need: t('queues.restFails', { status: String(answer.status) }) }
    return undefined
  } catch (err) {
    if (err instanceof TransportError && err.code === 'not_found') return { need: t('queues.noRoutes') }
    const f = d.explain(err)
    if (f.code === 'forbidden') return { need: t('queues.forbidden', { scope: scopeWords(QUEUE_SCOPE) }), scope: QUEUE_SCOPE.scope }
    return { need: t('queues.other', { reason: f.message }) }
  }
}
