/**
 * The queues module's REST routes (FreePBX/queues `Api/Rest/Queues.php`, freepbx-api.md §3.4), under
 * /admin/api/api/rest/queues: `GET /` (queue list or `false`), `GET /members`, `GET /members/{id}`,
 * `PUT /members/{id}` (`member` / `dynmembers`: newline-separated `P101,0` entries; replaces the
 * static members, sets needreload, answers `true`), `GET /{id}`. Every route — the PUT too — checks
 * the read scope (`rest`, `rest:queues`, `rest:queues:read`); without it: 401
 * `{"status":false,"message":"unauthorized"}`.
 */
import type { FreepbxConfig, QueueRecord } from '../demo/config/freepbx-config'
import type { ScopeSet } from './scopes'

export interface RestReply {
  readonly status: number
  readonly body: unknown
}

const UNAUTHORIZED: RestReply = { status: 401, body: { status: false, message: 'unauthorized' } }

/** `Local/101@from-queue/n,0` or `P101,0` → `101` (the routes' `/^.*?\/([\d]+).*,([\d]+)$/`). */
function memberExten(entry: string): string | undefined {
  return /^.*?\/(\d+).*,(\d+)$/.exec(entry)?.[1] ?? /^[A-Z]?(\d+),\d+$/.exec(entry)?.[1]
}

/**
 * A PUT entry as the queues GUI writes it: the letter is the channel type (A/P/S/X/Z/D; `P` = the
 * extension through from-queue), `,n` the penalty.
 */
function storedMember(entry: string): string | undefined {
  const m = /^([APSXZD])?(\d+)(?:,(\d+))?$/.exec(entry.trim())
  if (m?.[2] === undefined) return undefined
  const penalty = m[3] ?? '0'
  return m[1] === 'S' || m[1] === 'X' ? `SIP/${m[2]},${penalty}` : `Local/${m[2]}@from-queue/n,${penalty}`
}

function settings(q: QueueRecord): Record<string, unknown> {
  return {
    extension: q.extension,
    name: q.name,
    descr: q.name,
    strategy: q.strategy,
    servicelevel: String(q.serviceLevel),
    member: q.members.map(memberExten).filter((e) => e !== undefined),
    dynmembers: q.dynmembers.map((d) => d.slice(0, d.indexOf(',') >= 0 ? d.indexOf(',') : d.length)),
  }
}

export function restQueues(config: FreepbxConfig, scopes: ScopeSet, method: string, route: string, body: string): RestReply | undefined {
  if (!scopes.coarse('rest', 'queues', 'read')) return UNAUTHORIZED
  const queues = [...config.queues.values()]
  if (method === 'GET' && (route === '' || route === '/')) {
    return {
      status: 200,
      body: queues.length === 0 ? false : Object.fromEntries(queues.map((q) => [q.extension, { extension: q.extension, name: q.name }])),
    }
  }
  if (method === 'GET' && route === '/members') {
    const list = Object.fromEntries(
      queues.map((q) => [
        q.extension,
        { members: q.members.map(memberExten).filter((e) => e !== undefined), dynmembers: q.dynmembers.map((d) => d.split(',')[0] ?? d) },
      ]),
    )
    return { status: 200, body: queues.length === 0 ? false : list }
  }
  const members = /^\/members\/([^/]+)$/.exec(route)?.[1]
  if (members !== undefined) {
    const q = config.queues.get(decodeURIComponent(members))
    if (method === 'GET')
      return {
        status: 200,
        body:
          q === undefined
            ? false
            : { dynmembers: q.dynmembers.map((d) => d.split(',')[0] ?? d), member: q.members.map(memberExten).filter((e) => e !== undefined) },
      }
    if (method === 'PUT') {
      if (q === undefined) return { status: 200, body: false }
      const params = parseBody(body)
      if (params.member !== undefined)
        q.members = params.member
          .split('\n')
          .map(storedMember)
          .filter((m): m is string => m !== undefined)
      if (params.dynmembers !== undefined)
        q.dynmembers = params.dynmembers
          .split('\n')
          .map((d) => d.trim().replace(/^[APSXZD]/, ''))
          .filter((d) => /^\d+,\d+$/.test(d))
      config.markChanged()
      return { status: 200, body: true }
    }
  }
  const id = /^\/([^/]+)$/.exec(route)?.[1]
  if (method === 'GET' && id !== undefined) {
    const q = config.queues.get(decodeURIComponent(id))
    return { status: 200, body: q === undefined ? false : settings(q) }
  }
  return undefined
}

/** Slim reads JSON or a form body. */
function parseBody(body: string): { member?: string; dynmembers?: string } {
  try {
    const json = JSON.parse(body) as unknown
    if (json !== null && typeof json === 'object') {
      const o = json as Record<string, unknown>
      return {
        ...(typeof o.member === 'string' ? { member: o.member } : {}),
        ...(typeof o.dynmembers === 'string' ? { dynmembers: o.dynmembers } : {}),
      }
    }
  } catch {
    // not JSON: a form
  }
  const form = new URLSearchParams(body)
  return {
    ...(form.has('member') ? { member: form.get('member') ?? '' } : {}),
    ...(form.has('dynmembers') ? { dynmembers: form.get('dynmembers') ?? '' } : {}),
  }
}
