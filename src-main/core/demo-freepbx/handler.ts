/**
 * The demo PBX's FreePBX API endpoints (freepbx-api.md §7): the OAuth2 token endpoint and the
 * GraphQL subset the console uses, with FreePBX's error shapes.
 *
 *   const handler = createFreepbxDemoHandler({ clients, data?, tokenLifetimeSec?, now? })
 *   http.createServer((req, res) => { if (!handler(req, res)) { …404… } })
 *   handler.stats  { tokenRequests, gqlRequests, rejectedTokens }
 *   handler.revokeAll()   every issued token is refused from now on (admin "Access Tokens" tab)
 *
 * Not a GraphQL engine: each request's single root field is recognised by name and answered
 * from the data provider; variables carry the arguments (the console's queries use variables).
 * Unknown or out-of-scope fields get the validation error a real schema gives.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'

export interface FreepbxDemoClient {
  readonly clientId: string
  readonly clientSecret: string
  /** The application's "Allowed Scopes"; empty = unrestricted (`gql rest`). */
  readonly allowedScopes?: readonly string[]
}

export interface FreepbxDemoExtension {
  readonly extensionId: string
  readonly name: string
  readonly tech: string
}

/** A CDR row in fetchAllCdrs' field names (strings/numbers as the cdr module returns them). */
export type FreepbxDemoCdr = Readonly<Record<string, string | number>> & { readonly uniqueid: string }

export interface FreepbxDemoData {
  extensions(): readonly FreepbxDemoExtension[]
  cdrs(): readonly FreepbxDemoCdr[]
}

export interface FreepbxDemoOptions {
  readonly clients: readonly FreepbxDemoClient[]
  readonly data?: FreepbxDemoData
  /** Access-token lifetime; FreePBX uses 3600. Tests shorten it to expire tokens. */
  readonly tokenLifetimeSec?: number
  readonly now?: () => number
  /** How an expired/missing token is refused: '16' = 401 access_denied, '17' = 500 JSON. */
  readonly authFailureStyle?: '16' | '17'
  /** Path prefix (FreePBX not at the web root). */
  readonly basePath?: string
}

export interface FreepbxDemoStats {
  tokenRequests: number
  gqlRequests: number
  rejectedTokens: number
}

export type FreepbxDemoHandler = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  readonly stats: FreepbxDemoStats
  revokeAll(): void
}

interface IssuedToken {
  readonly scopes: ReadonlySet<string>
  readonly expiresAt: number
}

const MAX_BODY = 256 * 1024

const INVALID_CLIENT = { error: 'invalid_client', error_description: 'Client authentication failed', message: 'Client authentication failed' }

export function createFreepbxDemoHandler(options: FreepbxDemoOptions): FreepbxDemoHandler {
  const now = options.now ?? Date.now
  const lifetime = options.tokenLifetimeSec ?? 3600
  const base = (options.basePath ?? '').replace(/\/+$/, '')
  const tokens = new Map<string, IssuedToken>()
  const stats: FreepbxDemoStats = { tokenRequests: 0, gqlRequests: 0, rejectedTokens: 0 }
  const data = options.data ?? { extensions: () => [], cdrs: () => [] }

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === `${base}/admin/api/api/token`) {
      readBody(req, res, (body) => {
        stats.tokenRequests++
        token(req, res, body)
      })
      return true
    }
    if (path === `${base}/admin/api/api/gql`) {
      readBody(req, res, (body) => {
        stats.gqlRequests++
        gql(req, res, body)
      })
      return true
    }
    return false
  }

  function token(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.method !== 'POST') {
      send(res, 405, { error: 'invalid_request', error_description: 'The request method must be POST', message: 'The request method must be POST' })
      return
    }
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'client_credentials') {
      send(res, 400, { error: 'unsupported_grant_type', error_description: 'The authorization grant type is not supported by the authorization server.', message: 'The authorization grant type is not supported by the authorization server.' })
      return
    }
    const client = options.clients.find((c) => c.clientId === form.get('client_id'))
    // The mock enforces the secret even though api 17 may not (freepbx-api.md §7).
    if (client === undefined || !sameText(client.clientSecret, form.get('client_secret') ?? '')) {
      send(res, 401, INVALID_CLIENT)
      return
    }
    const allowed = client.allowedScopes !== undefined && client.allowedScopes.length > 0 ? client.allowedScopes : ['gql', 'rest']
    const asked = (form.get('scope') ?? '').split(' ').filter((s) => s !== '')
    for (const s of asked) {
      if (!allowed.includes(s)) {
        const text = `The requested scope is invalid, unknown, or malformed`
        send(res, 400, { error: 'invalid_scope', error_description: text, hint: `Check the \`${s}\` scope`, message: text })
        return
      }
    }
    const value = randomBytes(32).toString('base64url')
    tokens.set(value, { scopes: new Set(asked.length > 0 ? asked : allowed), expiresAt: now() + lifetime * 1000 })
    send(res, 200, { token_type: 'Bearer', expires_in: lifetime, access_token: value })
  }

  function refuseToken(res: ServerResponse, hint: string): void {
    stats.rejectedTokens++
    if (options.authFailureStyle === '17') {
      send(res, 500, { error: { type: 'League\\OAuth2\\Server\\Exception\\OAuthServerException', message: 'The resource owner or authorization server denied the request.' } })
      return
    }
    send(res, 401, { error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', hint, message: 'The resource owner or authorization server denied the request.' })
  }

  function gql(req: IncomingMessage, res: ServerResponse, body: string): void {
    const auth = req.headers.authorization
    if (auth?.startsWith('Bearer ') !== true) {
      refuseToken(res, 'Missing "Authorization" header')
      return
    }
    const issued = tokens.get(auth.slice(7))
    if (issued === undefined) {
      refuseToken(res, 'Access token has been revoked')
      return
    }
    if (now() >= issued.expiresAt) {
      refuseToken(res, 'Access token could not be verified')
      return
    }
    let request: { query?: unknown; variables?: unknown }
    try {
      request = JSON.parse(body) as { query?: unknown; variables?: unknown }
    } catch {
      send(res, 400, { errors: [{ message: 'Syntax Error: Unexpected <EOF>' }] })
      return
    }
    const query = typeof request.query === 'string' ? request.query : ''
    const variables = request.variables !== null && typeof request.variables === 'object' ? (request.variables as Record<string, unknown>) : {}
    const field = rootFieldName(query)
    if (field === undefined) {
      send(res, 400, { errors: [{ message: 'Syntax Error: Expected Name' }] })
      return
    }
    const resolver = RESOLVERS[field]
    if (resolver === undefined || !hasScope(issued.scopes, resolver.module)) {
      send(res, 200, { errors: [{ message: `Cannot query field "${field}" on type "Query".`, locations: [{ line: 1, column: 1 }] }] })
      return
    }
    const result = resolver.resolve(variables)
    if (result.status === false) {
      // FreePBX discards data and answers 400 when the first root field says status:false.
      send(res, 400, { errors: [{ message: result.message, status: false }] })
      return
    }
    send(res, 200, { data: { [field]: result } })
  }

  const RESOLVERS: Record<string, { module: string; resolve: (v: Record<string, unknown>) => Record<string, unknown> } | undefined> = {
    fetchAllExtensions: {
      module: 'core',
      resolve: (v) => {
        const all = data.extensions()
        const first = intArg(v.first) ?? all.length
        const list = all.slice(0, first).map((e) => ({ extensionId: e.extensionId, tech: e.tech, user: { name: e.name }, coreDevice: { deviceId: e.extensionId, tech: e.tech, description: e.name } }))
        return { status: true, message: 'Extension found successfully', totalCount: all.length, count: list.length, extension: list }
      },
    },
    fetchAllCdrs: {
      module: 'cdr',
      resolve: (v) => {
        const start = typeof v.startDate === 'string' ? v.startDate : undefined
        const end = typeof v.endDate === 'string' ? v.endDate : undefined
        if ((start === undefined) !== (end === undefined)) return { status: false, message: 'Please provide both start date and end date' }
        const all = data.cdrs()
        const inRange = start !== undefined && end !== undefined ? all.filter((r) => { const day = String(r.calldate ?? '').slice(0, 10); return day >= start && day <= end }) : all
        const first = intArg(v.first) ?? 5
        const after = intArg(v.after) ?? 0
        const page = inRange.slice(after, after + first)
        return { status: true, message: 'CDR data found successfully', totalCount: all.length, cdrs: page }
      },
    },
    fetchNeedReload: { module: 'framework', resolve: () => ({ status: true, message: 'Doreload is not required' }) },
    system: { module: 'framework', resolve: () => ({ version: '17.0.19', engine: 'asterisk 22.10.1', needReload: false }) },
  }

  return Object.assign(handle, {
    stats,
    revokeAll(): void {
      tokens.clear()
    },
  })
}

/** `gql` covers everything; `gql:<module>` (and its :read/:write forms) covers one module. */
function hasScope(scopes: ReadonlySet<string>, module: string): boolean {
  if (scopes.has('gql')) return true
  for (const s of scopes) if (s === `gql:${module}` || s.startsWith(`gql:${module}:`)) return true
  return false
}

/** The first selection of the operation: `query Name($a: Int) { field(...) {…} }` → 'field'. */
export function rootFieldName(query: string): string | undefined {
  const open = query.indexOf('{')
  if (open < 0) return undefined
  return /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(query.slice(open + 1))?.[1]
}

function intArg(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function readBody(req: IncomingMessage, res: ServerResponse, done: (body: string) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  let tooBig = false
  req.on('data', (chunk: Buffer) => {
    size += chunk.length
    if (size > MAX_BODY) tooBig = true
    else chunks.push(chunk)
  })
  req.on('end', () => {
    if (tooBig) send(res, 413, { errors: [{ message: 'Request too large' }] })
    else done(Buffer.concat(chunks).toString('utf8'))
  })
  req.on('error', () => {
    res.destroy()
  })
}
