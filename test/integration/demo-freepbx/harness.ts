/**
 * The demo PBX (office) and its demo FreePBX API sharing one configuration, and an HTTP client that
 * speaks to the API as any FreePBX API tool would (undici): a token, GraphQL, REST.
 *
 *   const h = await startFreepbxApi(cleanups, { version: '16', reload: { delayMs: 50 } })
 *   const token = await h.token()                      // client_credentials, optional scope
 *   const { status, body } = await h.gql('{ fetchExtension(extensionId: "101") { status message } }')
 */
import { request } from 'undici'
import { type FreepbxDemoOptions, type FreepbxDemoServer, startFreepbxDemoServer } from '../../../src-main/core/demo-freepbx/index'
import { type DemoPbx, type DemoPbxOptions, startDemoPbx } from '../../../src-main/core/demo/index'
import type { Cleanups } from '../../support/cleanups'

export const CLIENT_ID = 'c'.repeat(64)
export const CLIENT_SECRET = '0123456789abcdef0123456789abcdef'

export interface Reply {
  readonly status: number
  // JSON as the server sent it: tests read into it by path.
  readonly body: any
}

export interface ApiHarness {
  readonly pbx: DemoPbx
  readonly api: FreepbxDemoServer
  /** A token (client_credentials); `scope` space-separated, `client` another application. */
  token(scope?: string, client?: { id: string; secret: string }): Promise<string>
  tokenReply(form: Record<string, string>): Promise<Reply>
  /** One GraphQL request; with no token given, one with the application's full scopes. */
  gql(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<Reply>
  rest(method: 'GET' | 'PUT', route: string, body?: unknown, token?: string | null): Promise<Reply>
}

export interface HarnessOptions extends Pick<DemoPbxOptions, 'generate' | 'speed' | 'controlPort'>, Omit<FreepbxDemoOptions, 'clients' | 'config'> {
  readonly moreClients?: FreepbxDemoOptions['clients']
}

export async function startFreepbxApi(cleanups: Cleanups, options: HarnessOptions = {}): Promise<ApiHarness> {
  const { generate, speed, controlPort, moreClients, ...apiOptions } = options
  const pbx = await startDemoPbx({
    amiPort: 0,
    ariPort: 0,
    rate: 0,
    seed: 3,
    ...(generate === undefined ? {} : { generate }),
    ...(controlPort === undefined ? {} : { controlPort }),
    speed: speed ?? 1,
  })
  cleanups.push(() => pbx.stop())
  const api = await startFreepbxDemoServer({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }, ...(moreClients ?? [])],
    config: pbx.freepbx,
    ...apiOptions,
  })
  cleanups.push(() => api.close())
  let cached: string | undefined
  const post = async (path: string, headers: Record<string, string>, body: string): Promise<Reply> => {
    const res = await request(`${api.baseUrl}${path}`, { method: 'POST', headers, body })
    return { status: res.statusCode, body: await res.body.json() }
  }
  const harness: ApiHarness = {
    pbx,
    api,
    tokenReply: (form) => post('/admin/api/api/token', { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(form).toString()),
    async token(scope, client) {
      const form: Record<string, string> = {
        grant_type: 'client_credentials',
        client_id: client?.id ?? CLIENT_ID,
        client_secret: client?.secret ?? CLIENT_SECRET,
      }
      if (scope !== undefined) form.scope = scope
      const reply = await harness.tokenReply(form)
      if (reply.status !== 200) throw new Error(`token refused: ${JSON.stringify(reply.body)}`)
      return String(reply.body.access_token)
    },
    async gql(query, variables, token) {
      const bearer = token === undefined ? (cached ??= await harness.token()) : token
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`
      return post('/admin/api/api/gql', headers, JSON.stringify({ query, variables }))
    },
    async rest(method, route, body, token) {
      const bearer = token === undefined ? (cached ??= await harness.token()) : token
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (bearer !== null) headers.authorization = `Bearer ${bearer}`
      const res = await request(`${api.baseUrl}/admin/api/api/rest/queues${route}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      return { status: res.statusCode, body: await res.body.json() }
    },
  }
  return harness
}

/** Polls fetchApiStatus until the transaction leaves Processing (or `timeoutMs` passes). */
export async function waitForReload(h: ApiHarness, txnId: string, timeoutMs = 5000): Promise<Reply> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const reply = await h.gql('query($id: ID!) { fetchApiStatus(txnId: $id) { status message details } }', { id: txnId })
    if (reply.body.data?.fetchApiStatus?.message !== 'Processing' || Date.now() > deadline) return reply
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** doreload, then wait for its outcome. */
export async function applyConfig(h: ApiHarness): Promise<Reply> {
  const started = await h.gql('mutation { doreload(input: {}) { status message transaction_id } }')
  return waitForReload(h, String(started.body.data.doreload.transaction_id))
}
