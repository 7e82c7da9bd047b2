/**
 * The demo FreePBX's API endpoints (freepbx-api.md): the OAuth2 token endpoint, GraphQL (graphql-js
 * over the configuration it shares with the demo PBX) and the queues REST routes, with FreePBX's
 * messages, status codes and error shapes, in its 16 or 17 variant.
 *
 *   const handler = createFreepbxDemoHandler({ clients, config?, data?, version?, reload?, … })
 *   http.createServer((req, res) => { if (!handler(req, res)) { …404… } })
 *   handler.stats          { tokenRequests, gqlRequests, restRequests, rejectedTokens }
 *   handler.config         the FreePBX configuration (staged, applied, needReload)
 *   handler.revokeAll()    every issued token is refused from now on (admin "Access Tokens" tab)
 *   handler.setReloadBehaviour({ outcome: 'failed' | 'stuck' | 'executed', delayMs, details })
 *   handler.setVersion('16' | '17')
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { FreepbxConfig } from '../demo/config/freepbx-config'
import { newExtension, newVoicemail } from '../demo/config/office-config'
import type { FreepbxDemoData } from './data'
import type { FreepbxQuirks, FreepbxVersion, GqlContext } from './gql/context'
import { runGql } from './gql/endpoint'
import { type FreepbxDemoClient, type IssuedToken, TokenIssuer } from './oauth'
import { type ReloadBehaviour, ReloadTransactions } from './reload'
import { restQueues } from './rest-queues'

export type { FreepbxDemoCdr, FreepbxDemoData, FreepbxDemoExtension } from './data'
export type { FreepbxDemoClient } from './oauth'

export interface FreepbxDemoOptions {
  readonly clients: readonly FreepbxDemoClient[]
  /**
   * The configuration to serve and edit — pass the demo PBX's (`pbx.freepbx`) so Apply reaches
   * its dialplan and phones. Without one, a configuration of `data.extensions()` is made.
   */
  readonly config?: FreepbxConfig
  readonly data?: FreepbxDemoData
  /** Access-token lifetime; FreePBX uses 3600. Tests shorten it to expire tokens. */
  readonly tokenLifetimeSec?: number
  readonly now?: () => number
  /** FreePBX 16 or 17 (default 17): auth failures, resolver and validation error shapes, version. */
  readonly version?: FreepbxVersion
  /** How an expired/missing token is refused, when it should differ from `version`. */
  readonly authFailureStyle?: FreepbxVersion
  /** How `doreload` ends (default: Executed after 1.5 s). */
  readonly reload?: ReloadBehaviour
  readonly quirks?: FreepbxQuirks
  /** Path prefix (FreePBX not at the web root). */
  readonly basePath?: string
}

export interface FreepbxDemoStats {
  tokenRequests: number
  gqlRequests: number
  restRequests: number
  rejectedTokens: number
}

export type FreepbxDemoHandler = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  readonly stats: FreepbxDemoStats
  readonly config: FreepbxConfig
  revokeAll(): void
  setReloadBehaviour(behaviour: ReloadBehaviour): void
  setVersion(version: FreepbxVersion): void
  setTokenLifetime(seconds: number): void
  /** Stops pending reload timers. */
  stop(): void
}

const MAX_BODY = 1024 * 1024
const REST_PREFIX = '/admin/api/api/rest/'

/** A configuration holding just the given extensions (each with a mailbox). */
function configOf(data: FreepbxDemoData | undefined): FreepbxConfig {
  const config = new FreepbxConfig()
  for (const e of data?.extensions?.() ?? []) {
    config.extensions.set(e.extensionId, newExtension(e.extensionId, e.name, { tech: e.tech }))
    config.voicemail.set(e.extensionId, newVoicemail(e.extensionId, e.extensionId, e.name))
  }
  config.apply()
  return config
}

export function createFreepbxDemoHandler(options: FreepbxDemoOptions): FreepbxDemoHandler {
  const now = options.now ?? Date.now
  let lifetime = options.tokenLifetimeSec ?? 3600
  let version: FreepbxVersion = options.version ?? '17'
  const base = (options.basePath ?? '').replace(/\/+$/, '')
  const stats: FreepbxDemoStats = { tokenRequests: 0, gqlRequests: 0, restRequests: 0, rejectedTokens: 0 }
  const data = options.data ?? { cdrs: () => [] }
  const config = options.config ?? configOf(options.data)
  const reloads = new ReloadTransactions(config, options.reload)
  const tokens = new TokenIssuer(options.clients, () => lifetime, now)

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === `${base}/admin/api/api/token`) {
      readBody(req, res, (body) => {
        stats.tokenRequests++
        const reply = tokens.issue(req.method, body)
        send(res, reply.status, reply.body)
      })
      return true
    }
    if (path === `${base}/admin/api/api/gql`) {
      readBody(req, res, (body) => {
        stats.gqlRequests++
        const token = authorised(req, res)
        if (token === undefined) return
        let destinations: ReturnType<FreepbxConfig['destinations']> | undefined
        const ctx: GqlContext = {
          config,
          data,
          reloads,
          version,
          quirks: options.quirks ?? {},
          destinations: () => (destinations ??= config.destinations()),
        }
        const reply = runGql(body, token.scopes, ctx)
        send(res, reply.status, reply.body)
      })
      return true
    }
    if (path.startsWith(`${base}${REST_PREFIX}`)) {
      readBody(req, res, (body) => {
        stats.restRequests++
        const token = authorised(req, res)
        if (token === undefined) return
        const [module = '', ...rest] = path.slice(base.length + REST_PREFIX.length).split('/')
        const route = rest.length > 0 ? `/${rest.join('/')}` : ''
        const reply = module === 'queues' ? restQueues(config, token.scopes, req.method ?? 'GET', route, body) : undefined
        if (reply === undefined) send(res, 404, { status: false, message: 'Not Found' })
        else send(res, reply.status, reply.body)
      })
      return true
    }
    return false
  }

  function authorised(req: IncomingMessage, res: ServerResponse): IssuedToken | undefined {
    const checked = tokens.check(req.headers.authorization)
    if (!('refused' in checked)) return checked
    stats.rejectedTokens++
    if ((options.authFailureStyle ?? version) === '17') {
      // 17 validates the token without league's error middleware: FreePBX's own 500 JSON [unverified].
      send(res, 500, {
        error: {
          type: 'League\\OAuth2\\Server\\Exception\\OAuthServerException',
          message: 'The resource owner or authorization server denied the request.',
        },
      })
    } else {
      send(res, 401, {
        error: 'access_denied',
        error_description: 'The resource owner or authorization server denied the request.',
        hint: checked.refused,
        message: 'The resource owner or authorization server denied the request.',
      })
    }
    return undefined
  }

  return Object.assign(handle, {
    stats,
    config,
    revokeAll: () => {
      tokens.revokeAll()
    },
    setReloadBehaviour: (behaviour: ReloadBehaviour) => {
      reloads.setBehaviour(behaviour)
    },
    setVersion: (v: FreepbxVersion) => {
      version = v
    },
    setTokenLifetime: (seconds: number) => {
      lifetime = seconds
    },
    stop: () => {
      reloads.stop()
    },
  })
}

/** The first selection of the operation: `query Name($a: Int) { field(...) {…} }` → 'field'. */
export function rootFieldName(query: string): string | undefined {
  const open = query.indexOf('{')
  if (open < 0) return undefined
  return /^\s*([A-Za-z_][A-Za-z0-9_]*)/.exec(query.slice(open + 1))?.[1]
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
