/**
 * POST /admin/api/api/gql: runs one request with graphql-js against the token's schema and answers
 * in FreePBX's shapes (freepbx-api.md §5):
 * - a business failure (`status: false` in the FIRST root field) → HTTP 400
 *   `{"errors":[{"message","status":false}]}`, data thrown away;
 * - FreePBX 17: GraphQL's own errors pass through — a resolver's failure masked as "Internal server
 *   error" with its locations and path and `data: {<field>: null}`, validation errors
 *   ("Cannot query field …") as graphql-php formats them, HTTP 200 (the code's `withBody(…, 400)`
 *   drops the 400 [unverified]);
 * - FreePBX 16: HTTP 400 with the first error only, as `{"errors":[{"message","status":false}]}`.
 */
import { GraphQLError, type DocumentNode, type OperationDefinitionNode, execute, parse, validate } from 'graphql'
import type { ScopeSet } from '../scopes'
import type { GqlContext } from './context'
import { schemaFor } from './schema'

export interface GqlReply {
  readonly status: number
  readonly body: unknown
}

const INTERNAL = 'Internal server error'

export function runGql(body: string, scopes: ScopeSet, ctx: GqlContext): GqlReply {
  let request: { query?: unknown; variables?: unknown; operationName?: unknown }
  try {
    request = JSON.parse(body) as typeof request
  } catch {
    return graphqlErrors(ctx, [new GraphQLError('Syntax Error: Unexpected <EOF>')])
  }
  const query = typeof request.query === 'string' ? request.query : ''
  const variables = request.variables !== null && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : undefined
  const operationName = typeof request.operationName === 'string' ? request.operationName : undefined
  let document: DocumentNode
  try {
    document = parse(query)
  } catch (err) {
    return graphqlErrors(ctx, [err instanceof GraphQLError ? err : new GraphQLError(String(err))])
  }
  const schema = schemaFor(scopes)
  const invalid = validate(schema, document)
  if (invalid.length > 0) return graphqlErrors(ctx, invalid)
  const result = execute({ schema, document, variableValues: variables, operationName, contextValue: ctx })
  if (result instanceof Promise) throw new Error('the demo FreePBX resolvers are synchronous')
  const first = firstRootKey(document, operationName)
  const root = first === undefined ? undefined : (result.data?.[first] as Record<string, unknown> | null | undefined)
  if (root !== null && typeof root === 'object' && root.status === false) {
    return { status: 400, body: { errors: [{ message: typeof root.message === 'string' ? root.message : '', status: false }] } }
  }
  if (result.errors !== undefined && result.errors.length > 0) {
    if (ctx.version === '16') return { status: 400, body: { errors: [{ message: maskedMessage(result.errors[0]), status: false }] } }
    return { status: 200, body: { errors: result.errors.map((e) => ({ ...e.toJSON(), message: maskedMessage(e) })), data: result.data ?? null } }
  }
  return { status: 200, body: { data: result.data ?? null } }
}

/** graphql-php hides a resolver's own exception behind "Internal server error" (debug off). */
function maskedMessage(e: GraphQLError | undefined): string {
  if (e === undefined) return INTERNAL
  return e.cause !== undefined && !(e.cause instanceof GraphQLError) ? INTERNAL : e.message
}

function graphqlErrors(ctx: GqlContext, errors: readonly GraphQLError[]): GqlReply {
  if (ctx.version === '16') return { status: 400, body: { errors: [{ message: errors[0]?.message ?? INTERNAL, status: false }] } }
  return { status: 200, body: { errors: errors.map((e) => e.toJSON()) } }
}

/** The response key of the operation's first root field (what FreePBX checks for status:false). */
function firstRootKey(document: DocumentNode, operationName: string | undefined): string | undefined {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')
  const op = operationName === undefined ? ops[0] : ops.find((o) => o.name?.value === operationName)
  const sel = op?.selectionSet.selections[0]
  return sel?.kind === 'Field' ? (sel.alias?.value ?? sel.name.value) : undefined
}
