/**
 * The Relay shapes FreePBX's API uses (ivome/graphql-relay-php): mutations made with
 * mutationWithClientMutationId (one `input: <Name>Input!`, a `<Name>Payload`, both with
 * `clientMutationId`), and array connections (`first/after/last/before`, `arrayconnection:<n>`
 * cursors in base64).
 */
import {
  GraphQLBoolean,
  GraphQLInputObjectType,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLString,
  type GraphQLFieldConfig,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLInputFieldConfigMap,
  type GraphQLOutputType,
} from 'graphql'
import type { GqlContext } from './context'

export type Payload = Record<string, unknown>

/** `{ status, message }`: what most FreePBX results carry. */
export const STATUS_FIELDS = {
  status: { type: GraphQLBoolean, description: 'Status of the request' },
  message: { type: GraphQLString, description: 'Message for the request' },
} as const

/**
 * mutationWithClientMutationId: `name` is the field, `typeName` the inner name the Input/Payload
 * types take (`createRangeofExtension` → `CreateRangeofExtensionInput`).
 */
export function relayMutation(
  typeName: string,
  description: string,
  inputFields: GraphQLInputFieldConfigMap,
  outputFields: GraphQLFieldConfigMap<Payload, GqlContext>,
  mutate: (input: Record<string, unknown>, ctx: GqlContext) => Payload,
): GraphQLFieldConfig<unknown, GqlContext> {
  const input = new GraphQLInputObjectType({ name: `${typeName}Input`, fields: { ...inputFields, clientMutationId: { type: GraphQLString } } })
  const payload = new GraphQLObjectType<Payload, GqlContext>({
    name: `${typeName}Payload`,
    fields: { ...outputFields, clientMutationId: { type: GraphQLString } },
  })
  return {
    type: payload,
    description,
    args: { input: { type: new GraphQLNonNull(input) } },
    resolve: (_root, args: { input: Record<string, unknown> }, ctx) => {
      const result = mutate(args.input, ctx)
      return { ...result, clientMutationId: args.input.clientMutationId ?? null }
    },
  }
}

export const CONNECTION_ARGS: GraphQLFieldConfigArgumentMap = {
  first: { type: GraphQLInt },
  after: { type: GraphQLString },
  last: { type: GraphQLInt },
  before: { type: GraphQLString },
}

export const PAGE_INFO = new GraphQLObjectType({
  name: 'PageInfo',
  description: 'Information about pagination in a connection.',
  fields: {
    hasNextPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    hasPreviousPage: { type: new GraphQLNonNull(GraphQLBoolean) },
    startCursor: { type: GraphQLString },
    endCursor: { type: GraphQLString },
  },
})

export function cursorOf(offset: number): string {
  return Buffer.from(`arrayconnection:${String(offset)}`).toString('base64')
}

function offsetOf(cursor: unknown): number | undefined {
  if (typeof cursor !== 'string') return undefined
  const m = /^arrayconnection:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'))
  return m?.[1] === undefined ? undefined : Number(m[1])
}

export interface Slice<T> {
  readonly nodes: readonly T[]
  readonly start: number
  readonly pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null }
}

/** Relay::connectionFromArray. */
export function connectionFromArray<T>(all: readonly T[], args: Record<string, unknown>): Slice<T> {
  const after = offsetOf(args.after)
  const before = offsetOf(args.before)
  let start = after === undefined ? 0 : after + 1
  let end = before === undefined ? all.length : Math.min(before, all.length)
  const first = typeof args.first === 'number' ? args.first : undefined
  const last = typeof args.last === 'number' ? args.last : undefined
  if (first !== undefined) end = Math.min(end, start + Math.max(first, 0))
  if (last !== undefined) start = Math.max(start, end - Math.max(last, 0))
  const nodes = all.slice(start, Math.max(start, end))
  return {
    nodes,
    start,
    pageInfo: {
      hasNextPage: first !== undefined ? end < all.length : false,
      hasPreviousPage: last !== undefined ? start > 0 : false,
      startCursor: nodes.length > 0 ? cursorOf(start) : null,
      endCursor: nodes.length > 0 ? cursorOf(start + nodes.length - 1) : null,
    },
  }
}

/** `<name>Edge { node cursor }`. */
export function edgeType(name: string, node: GraphQLOutputType): GraphQLObjectType<{ node: unknown; cursor: string }> {
  return new GraphQLObjectType<{ node: unknown; cursor: string }>({
    name: `${name}Edge`,
    fields: { node: { type: node }, cursor: { type: new GraphQLNonNull(GraphQLString) } },
  })
}

/**
 * A list as most FreePBX modules return it, wrapped in `{ status, message }`: `totalCount`, the
 * nodes under the module's own name (`extension`, `ringgroups`), `pageInfo`, and `edges`, declared
 * but not filled (read the named list) [unverified, freepbx-api.md §2].
 */
export function wrappedConnection(
  name: string,
  listField: string,
  node: GraphQLObjectType,
  extra: GraphQLFieldConfigMap<Payload, GqlContext> = {},
): GraphQLObjectType<Payload, GqlContext> {
  return new GraphQLObjectType<Payload, GqlContext>({
    name: `${name}Connection`,
    fields: {
      ...STATUS_FIELDS,
      totalCount: { type: GraphQLInt },
      ...extra,
      [listField]: { type: listOf(node) },
      edges: { type: listOf(edgeType(name, node)), resolve: () => [] },
      pageInfo: { type: new GraphQLNonNull(PAGE_INFO) },
    },
  })
}

export function edgesOf<T>(slice: Slice<T>): { node: T; cursor: string }[] {
  return slice.nodes.map((node, i) => ({ node, cursor: cursorOf(slice.start + i) }))
}

export function listOf(type: GraphQLOutputType): GraphQLList<GraphQLOutputType> {
  return new GraphQLList(type)
}

/** A GraphQL input value as a string, if given (`ID`s arrive as strings, Ints as numbers). */
export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  return undefined
}

/** PHP's `!empty($x)` for a string. */
export function given(v: string | undefined): v is string {
  return v !== undefined && v !== '' && v !== '0'
}
