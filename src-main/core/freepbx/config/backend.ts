/**
 * The FreePBX configuration backend: the five kinds, Apply Config (`doreload` then
 * `fetchApiStatus`), `system { needReload version }`, the destinations a picker offers, a probe of
 * what the profile's API application may do, and every failure in the admin's words: FreePBX's
 * own message for a business refusal, the scope to add for a missing field, what to install or
 * create when there is no API module or the client is refused.
 */
import type { ConfigDestination, DestinationOption } from '../../../../src-preload/types/config'
import type { ApplyState, BackendFailure, ConfigBackend } from '../../config/backend'
import { strings } from '../../config/strings'
import { say } from '../../i18n'
import { ApiFailure } from '../../errors/api-failure'
import { describeTransportError, TransportError } from '../../net/transport-error'
import { FreepbxGraphqlError } from '../client'
import { extensionBackend } from './extensions'
import { fromFreepbx } from './destinations'
import { type FreepbxRunner, mutate, queryField, ScopeMissing, scoped, scopeWords, str } from './gql'
import { inboundRouteBackend } from './inbound-routes'
import { configReadiness } from './readiness'
import { type LiveQueues, QUEUE_SCOPE, queueMembersBackend } from './queue-members'
import { ringGroupBackend } from './ring-groups'
import { voicemailBackend } from './voicemail'
import { strings as own } from './strings'

const t = say(strings)
const says = say(own)

const FRAMEWORK_SCOPE = 'gql:framework'

export interface FreepbxConfigBackendOptions {
  readonly run: FreepbxRunner
  /** Live queues and AMI, for members logged in now; absent: those cannot be changed. */
  readonly live?: LiveQueues
}

type CallFlowDestination = Extract<ConfigDestination, { type: 'callFlow' }>

/**
 * FreePBX's call-flow toggles, as far as its API shows them: no query lists the daynight module's
 * toggles, but a route or ring group that goes to one names it (`Call Flow Control:0 Office hours`),
 * so the toggles in use are offered - by number, with the first name found.
 */
export function callFlowToggles(used: readonly ConfigDestination[]): CallFlowDestination[] {
  const byToggle = new Map<string, CallFlowDestination>()
  for (const d of used) {
    if (d.type !== 'callFlow') continue
    const seen = byToggle.get(d.toggle)
    if (seen === undefined || (seen.name === undefined && d.name !== undefined)) byToggle.set(d.toggle, d)
  }
  return [...byToggle.values()].sort((a, b) => Number(a.toggle) - Number(b.toggle))
}

export function freepbxConfigBackend(o: FreepbxConfigBackendOptions): ConfigBackend {
  const run = o.run
  const extensions = extensionBackend(run)
  const kinds = {
    extension: extensions,
    ringGroup: ringGroupBackend(run),
    inboundRoute: inboundRouteBackend(run),
    voicemail: voicemailBackend(run),
    queueMembers: queueMembersBackend(run, o.live),
  }
  const system = (): Promise<Record<string, unknown>> =>
    scoped({ scope: FRAMEWORK_SCOPE, alternative: 'gql:framework:read:system' }, 'readApplyNeeded', () =>
      run((c) =>
        c.query('query { system { version needReload } }', {}, (data) =>
          data.system !== null && typeof data.system === 'object' ? (data.system as Record<string, unknown>) : {},
        ),
      ),
    )

  const destinations = async (): Promise<readonly DestinationOption[]> => {
    const [ext, groups, queues, routes] = await Promise.all([
      kinds.extension.list(),
      kinds.ringGroup.list().catch(() => []),
      kinds.queueMembers.list().catch(() => []),
      kinds.inboundRoute.list().catch(() => []),
    ])
    const out: DestinationOption[] = []
    for (const e of ext) out.push({ destination: { type: 'extension', extension: e.id }, label: `${e.id} ${e.values.name}`.trim() })
    // Named in the admin's language; the PBX's own names (descriptions, people) as they are.
    for (const g of groups)
      out.push({ destination: { type: 'ringGroup', group: g.id }, label: t('opt.ringGroup', { number: g.id, name: g.values.description }).trim() })
    for (const q of queues)
      out.push({ destination: { type: 'queue', queue: q.id }, label: t('opt.queue', { number: q.id, name: q.values.name }).trim() })
    for (const e of ext) {
      if (!e.values.voicemail) continue
      for (const greeting of ['unavailable', 'busy', 'noMessage', 'instructions'] as const) {
        const label = t('opt.voicemail', { number: e.id, name: e.values.name, greeting: t(`opt.greeting.${greeting}`) })
        out.push({ destination: { type: 'voicemail', extension: e.id, greeting }, label })
      }
    }
    for (const toggle of callFlowToggles([...routes.map((r) => r.values.destination), ...groups.map((g) => g.values.noAnswer)])) {
      const named = toggle.name !== undefined && toggle.name !== ''
      const label = named ? t('opt.callFlowNamed', { number: toggle.toggle, name: toggle.name ?? '' }) : t('opt.callFlow', { number: toggle.toggle })
      out.push({ destination: toggle, label })
    }
    out.push(
      { destination: { type: 'hangup' }, label: t('opt.hangup') },
      { destination: { type: 'busy' }, label: t('opt.busy') },
      { destination: { type: 'congestion' }, label: t('opt.congestion') },
    )
    return out
  }

  const backend: ConfigBackend = {
    kinds,
    createRange: (start, count, template, secrets) => extensions.createRange(start, count, template, secrets),
    rotateSecret: (before, secret) => extensions.setSecret(before, secret),
    destinations,
    startApply: () =>
      scoped({ scope: FRAMEWORK_SCOPE, alternative: 'gql:framework:read:modules' }, 'applyConfig', () =>
        run(async (c) => {
          const root = await mutate(c, 'doreload', {}, 'transaction_id')
          const id = str(root.transaction_id)
          if (id === '') throw new TransportError('protocol', says('err.applyNoTxn'))
          return id
        }),
      ),
    applyStatus: (txn) =>
      scoped({ scope: FRAMEWORK_SCOPE, alternative: 'gql:framework:read:modules' }, 'followApply', () =>
        run(async (c) => {
          const root = await queryField(c, 'fetchApiStatus', `txnId: ${JSON.stringify(txn)}`, 'status message details')
          const message = str(root.message)
          const details = str(root.details)
          const state: ApplyState =
            message === 'Executed' ? 'executed' : message === 'Failed' ? 'failed' : message === 'Processing' ? 'processing' : 'unknown_transaction'
          return details === '' ? { state } : { state, details }
        }),
      ),
    needReload: async () => (await system()).needReload === true,
    probe: () => configReadiness({ run, kinds, explain }),
    explain,
  }
  return backend
}

/** Any failure of a FreePBX call, in the admin's words. */
export function explain(err: unknown): BackendFailure {
  if (err instanceof ApiFailure) return { code: err.code === 'forbidden' ? 'forbidden' : 'pbx_error', message: err.message }
  if (err instanceof ScopeMissing) return { code: 'forbidden', message: err.message }
  if (err instanceof FreepbxGraphqlError) {
    if (err.kind === 'business') return { code: 'pbx_error', message: `“${err.pbxMessage}”` }
    if (err.kind === 'scope') return { code: 'forbidden', message: t('pbx.scope', { said: err.pbxMessage }) }
    return { code: 'pbx_error', message: t('pbx.failed', { said: err.pbxMessage }) }
  }
  if (err instanceof TransportError) {
    switch (err.code) {
      case 'unauthorized':
        return {
          code: 'auth_failed',
          message: t('pbx.unauthorized'),
        }
      case 'forbidden':
        return {
          code: 'forbidden',
          message: t('pbx.forbidden', { said: err.message.replace(/^[^:]*: /, ''), scope: scopeWords(QUEUE_SCOPE) }),
        }
      case 'not_found':
        return {
          code: 'unavailable',
          message: t('pbx.noApi'),
        }
      case 'timeout':
        return { code: 'timeout', message: t('pbx.timeout') }
      case 'graphql_error':
      case 'http_error':
      case 'protocol':
        return { code: 'pbx_error', message: err.message.replace(/^[^:]*: /, '') }
      default:
        return { code: 'unavailable', message: describeTransportError(err) }
    }
  }
  if (err instanceof Error) return { code: 'pbx_error', message: err.message }
  return { code: 'pbx_error', message: t('pbx.refused') }
}

export { fromFreepbx }
