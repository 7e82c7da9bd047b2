/**
 * The api module's OAuth2 token endpoint for the client_credentials grant (freepbx-api.md §1):
 * form-encoded, league/oauth2-server's JSON errors, tokens that expire (3,600 s unless told) and
 * can be revoked. The demo enforces the secret and the application's allowed scopes, as FreePBX 16
 * does (17 stopped checking both).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { ScopeSet } from './scopes'

export interface FreepbxDemoClient {
  readonly clientId: string
  readonly clientSecret: string
  /** The application's "Allowed Scopes"; empty = unrestricted (`gql rest`). */
  readonly allowedScopes?: readonly string[]
}

export interface IssuedToken {
  readonly scopes: ScopeSet
  readonly expiresAt: number
}

export interface TokenReply {
  readonly status: number
  readonly body: unknown
}

const INVALID_CLIENT = { error: 'invalid_client', error_description: 'Client authentication failed', message: 'Client authentication failed' }
const UNSUPPORTED_GRANT = 'The authorization grant type is not supported by the authorization server.'

export class TokenIssuer {
  private readonly tokens = new Map<string, IssuedToken>()

  constructor(
    private readonly clients: readonly FreepbxDemoClient[],
    private readonly lifetimeSec: () => number,
    private readonly now: () => number,
  ) {}

  /** POST /admin/api/api/token with a form body. */
  issue(method: string | undefined, body: string): TokenReply {
    if (method !== 'POST') {
      const text = 'The request method must be POST'
      return { status: 405, body: { error: 'invalid_request', error_description: text, message: text } }
    }
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'client_credentials')
      return { status: 400, body: { error: 'unsupported_grant_type', error_description: UNSUPPORTED_GRANT, message: UNSUPPORTED_GRANT } }
    const client = this.clients.find((c) => c.clientId === form.get('client_id'))
    if (client === undefined || !sameText(client.clientSecret, form.get('client_secret') ?? '')) return { status: 401, body: INVALID_CLIENT }
    const allowed = client.allowedScopes !== undefined && client.allowedScopes.length > 0 ? client.allowedScopes : ['gql', 'rest']
    const asked = (form.get('scope') ?? '').split(' ').filter((s) => s !== '')
    for (const s of asked) {
      // A scope is within the application's when it is one of them or narrower (`gql:core` under `gql`).
      if (!allowed.some((a) => s === a || s.startsWith(`${a}:`))) {
        const text = 'The requested scope is invalid, unknown, or malformed'
        return { status: 400, body: { error: 'invalid_scope', error_description: text, hint: `Check the \`${s}\` scope`, message: text } }
      }
    }
    const lifetime = this.lifetimeSec()
    const value = randomBytes(32).toString('base64url')
    this.tokens.set(value, { scopes: new ScopeSet(asked.length > 0 ? asked : allowed), expiresAt: this.now() + lifetime * 1000 })
    return { status: 200, body: { token_type: 'Bearer', expires_in: lifetime, access_token: value } }
  }

  /** The token of an `Authorization` header, or why it is refused (league's hint). */
  check(authorization: string | undefined): IssuedToken | { readonly refused: string } {
    if (authorization?.startsWith('Bearer ') !== true) return { refused: 'Missing "Authorization" header' }
    const issued = this.tokens.get(authorization.slice(7))
    if (issued === undefined) return { refused: 'Access token has been revoked' }
    if (this.now() >= issued.expiresAt) return { refused: 'Access token could not be verified' }
    return issued
  }

  /** The admin's "Access Tokens" tab: every issued token is refused from now on. */
  revokeAll(): void {
    this.tokens.clear()
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8')
  const y = Buffer.from(b, 'utf8')
  return x.length === y.length && timingSafeEqual(x, y)
}
