/**
 * Queue members: static and dynamic members over the queues module's REST API (the only API it
 * has, freepbx-api.md §3.4; applied on Apply Config), and members logged in now changed live over
 * AMI (QueueAdd / QueueRemove) through the runtime's AMI port. FreePBX's REST answers members
 * without their penalty: they read as 0, and a write sets each to the penalty given.
 */
import type { QueueMember, QueueMembersValues } from '../../../../src-preload/types/config'
import type { LiveQueue } from '../../../../src-preload/types/live'
import type { AmiPort } from '../../actions/pbx-port'
import type { KindBackend, ReadItem } from '../../config/backend'
import { TransportError } from '../../net/transport-error'
import { type FreepbxRunner, record, str, type Scope } from './gql'
import { say } from '../../i18n'
import { strings } from './strings'

const t = say(strings)

const SCOPE: Scope = { scope: 'rest:queues', alternative: 'rest' }

export interface LiveQueues {
  /** The live queue for a FreePBX queue (Asterisk names it by its number; the demo by its name). */
  queue(number: string, name: string): LiveQueue | undefined
  readonly ami: AmiPort
  readonly amiReady: () => boolean
}

interface QueueImage {
  readonly queue: string
  readonly name: string
  readonly members: readonly string[]
  readonly dynmembers: readonly string[]
}

const numbers = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => str(x).split(',')[0] ?? '').filter((x) => /^\d+$/.test(x)) : [])
const asMembers = (list: readonly string[]): QueueMember[] => list.map((extension) => ({ extension, penalty: 0 }))

/** `PJSIP/101`, `Local/101@from-queue/n` → 101. */
function extensionOf(iface: string): string | undefined {
  return /^(?:Local|PJSIP|SIP|IAX2)\/(\d+)/i.exec(iface)?.[1]
}

function loggedIn(live: LiveQueues | undefined, img: QueueImage): QueueMember[] {
  const q = live?.queue(img.queue, img.name)
  if (q === undefined) return []
  return Object.values(q.members)
    .filter((m) => m.membership === 'dynamic')
    .map((m) => ({ extension: extensionOf(m.interface) ?? '', penalty: m.penalty }))
    .filter((m) => m.extension !== '')
}

function item(img: QueueImage, live: LiveQueues | undefined): ReadItem<'queueMembers'> {
  const values: QueueMembersValues = {
    queue: img.queue,
    name: img.name,
    staticMembers: asMembers(img.members),
    dynamicMembers: asMembers(img.dynmembers),
    loggedIn: loggedIn(live, img),
  }
  // The version covers the configuration only: agents logging in and out is not an edit conflict.
  return { id: img.queue, values, meta: {}, image: img }
}

async function restJson(run: FreepbxRunner, method: 'GET' | 'PUT', route: string, form?: Record<string, string>): Promise<unknown> {
  const answer = await run((c) => c.rest(method, route, form))
  if (answer.status >= 500)
    throw new TransportError('http_error', t('err.queuesRest', { status: String(answer.status) }), {
      status: answer.status,
    })
  return answer.body
}

const entries = (list: readonly QueueMember[]): string => list.map((m) => `P${m.extension},${String(m.penalty)}`).join('\n')

export function queueMembersBackend(run: FreepbxRunner, live: LiveQueues | undefined): KindBackend<'queueMembers'> {
  const names = async (): Promise<Record<string, string>> => {
    const body = record(await restJson(run, 'GET', '/queues/'))
    return Object.fromEntries(Object.entries(body ?? {}).map(([k, v]) => [k, str(record(v)?.name) || k]))
  }
  const get = async (id: string): Promise<ReadItem<'queueMembers'> | undefined> => {
    const [body, all] = await Promise.all([restJson(run, 'GET', `/queues/members/${encodeURIComponent(id)}`), names()])
    const m = record(body)
    if (m === undefined) return undefined
    return item({ queue: id, name: all[id] ?? id, members: numbers(m.member), dynmembers: numbers(m.dynmembers) }, live)
  }
  const put = async (id: string, members: readonly QueueMember[], dynamic: readonly QueueMember[]): Promise<void> => {
    const ok = await restJson(run, 'PUT', `/queues/members/${encodeURIComponent(id)}`, { member: entries(members), dynmembers: entries(dynamic) })
    if (ok !== true) throw new TransportError('graphql_error', t('err.queueNotTaken', { queue: id, answer: JSON.stringify(ok).slice(0, 40) }))
  }
  const liveChanges = async (img: QueueImage, want: readonly QueueMember[]): Promise<void> => {
    const q = live?.queue(img.queue, img.name)
    const now = q === undefined ? [] : Object.values(q.members).filter((m) => m.membership === 'dynamic')
    const wanted = new Map(want.map((m) => [m.extension, m]))
    const remove = now.filter((m) => !wanted.has(extensionOf(m.interface) ?? ''))
    const have = new Set(now.map((m) => extensionOf(m.interface)))
    const add = want.filter((m) => !have.has(m.extension))
    if (remove.length + add.length === 0) return
    if (live === undefined || !live.amiReady() || q === undefined) throw new TransportError('aborted', t('err.queueAmiDown'))
    const queueName = q.id
    for (const m of remove) await live.ami.action('QueueRemove', { Queue: queueName, Interface: m.interface })
    for (const m of add) {
      await live.ami.action('QueueAdd', {
        Queue: queueName,
        Interface: `Local/${m.extension}@from-queue/n`,
        Penalty: String(m.penalty),
        StateInterface: `hint:${m.extension}@ext-local`,
        MemberName: m.extension,
      })
    }
  }
  return {
    idOf: (v) => v.queue,
    list: async () => {
      const [body, all] = await Promise.all([restJson(run, 'GET', '/queues/members'), names()])
      const m = record(body) ?? {}
      return Object.entries(m).map(([queue, v]) =>
        item({ queue, name: all[queue] ?? queue, members: numbers(record(v)?.members), dynmembers: numbers(record(v)?.dynmembers) }, live),
      )
    },
    get,
    update: async (before, v) => {
      const img = before.image as QueueImage
      const same = (a: readonly QueueMember[], b: readonly QueueMember[]): boolean => JSON.stringify(a) === JSON.stringify(b)
      if (!same(v.staticMembers, before.values.staticMembers) || !same(v.dynamicMembers, before.values.dynamicMembers))
        await put(before.id, v.staticMembers, v.dynamicMembers)
      await liveChanges(img, v.loggedIn)
    },
    restore: async (img) => {
      await put(img.id, img.values.staticMembers, img.values.dynamicMembers)
    },
  }
}

export { SCOPE as QUEUE_SCOPE }
