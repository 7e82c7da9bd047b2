/**
 * Small helpers for the configuration documents: input objects written inline as GraphQL
 * literals (strings JSON-escaped, which GraphQL reads the same way), so no document depends on
 * the `<Name>Input` type names that differ between mutations; one root field per request, as
 * FreePBX checks only the first field's `status` (freepbx-api.md §5).
 */
import type { FreepbxClient } from '../client'
import { FreepbxGraphqlError, rootField } from '../client'
import type { TextKey } from '../../../../src-preload/i18n/catalogue'
import { say } from '../../i18n'
import { strings } from './strings'

const t = say(strings)

/** Runs work with the profile's FreePBX client (through its session's breaker). */
export type FreepbxRunner = <T>(work: (client: FreepbxClient) => Promise<T>) => Promise<T>

export type GqlInput = Readonly<Record<string, string | number | boolean | undefined>>

export function literal(value: string | number | boolean): string {
  if (typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('not a finite number')
    return String(value)
  }
  return value ? 'true' : 'false'
}

export function inputLiteral(input: GqlInput): string {
  const parts = Object.entries(input)
    .filter((e): e is [string, string | number | boolean] => e[1] !== undefined)
    .map(([k, v]) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new Error(`bad field name ${k}`)
      return `${k}: ${literal(v)}`
    })
  return `{ ${parts.join(', ')} }`
}

/**
 * A missing scope, named: FreePBX answers "Cannot query field …" (the schema is built from the
 * token's scopes), so the caller says which scope the application needs for what.
 */
export class ScopeMissing extends Error {
  constructor(
    readonly scope: Scope,
    readonly what: Deed,
    readonly pbxMessage: string,
  ) {
    // Said in the admin's language: explain() hands this message on as it is.
    super(t('scopeMissing', { what: t(`do.${what}`), scope: scopeWords(scope) }))
    this.name = 'ScopeMissing'
  }
}

/** A scope the API application needs, and the other one that would do as well: "gql:core (or gql:core:read)". */
export interface Scope {
  readonly scope: string
  readonly alternative: string
}

export const scopeWords = (s: Scope): string => t('scope.either', { scope: s.scope, alternative: s.alternative })

/** What a call does, as a refusal names it ("read extensions"): a `do.` key of the strings. */
export type Deed = TextKey<typeof strings.texts.en> extends infer K ? (K extends `do.${infer D}` ? D : never) : never

/** Turns FreePBX's "Cannot query field" into a ScopeMissing naming the scope for this call. */
export async function scoped<T>(scope: Scope, what: Deed, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof FreepbxGraphqlError && err.kind === 'scope') throw new ScopeMissing(scope, what, err.pbxMessage)
    throw err
  }
}

/** A mutation with `{ status message }` (and what `extra` selects): refusals throw FreepbxGraphqlError. */
export async function mutate(client: FreepbxClient, field: string, input: GqlInput, extra = ''): Promise<Record<string, unknown>> {
  const doc = `mutation { ${field}(input: ${inputLiteral(input)}) { status message ${extra} } }`
  return client.query(doc, {}, (data) => rootField(data, field))
}

/** A query of one root field (`selection` inside its braces), `status:false` thrown. */
export async function queryField(client: FreepbxClient, field: string, args: string, selection: string): Promise<Record<string, unknown>> {
  const doc = `query { ${field}${args === '' ? '' : `(${args})`} { ${selection} } }`
  return client.query(doc, {}, (data) => rootField(data, field))
}

/** As queryField, but a missing object (`status:false`, or null) is undefined. */
export async function queryMaybe(
  client: FreepbxClient,
  field: string,
  args: string,
  selection: string,
): Promise<Record<string, unknown> | undefined> {
  const doc = `query { ${field}${args === '' ? '' : `(${args})`} { ${selection} } }`
  try {
    return await client.query(doc, {}, (data) => {
      const value = data[field]
      if (value === null || value === undefined) return undefined
      return rootField(data, field)
    })
  } catch (err) {
    if (err instanceof FreepbxGraphqlError && err.kind === 'business') return undefined
    throw err
  }
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
export const bool = (v: unknown): boolean => v === true || v === 'yes' || v === 'CHECKED' || v === '1' || v === 1
export const records = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => x !== null && typeof x === 'object') : []
export const record = (v: unknown): Record<string, unknown> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/** Lists are read in one page: FreePBX's wrapped connections have no usable cursors (freepbx-api.md §2). */
export const ALL = 'first: 100000'
