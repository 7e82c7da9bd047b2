/**
 * Apply Config with progress: FreePBX's `doreload` starts a background reload and answers a
 * transaction id; `fetchApiStatus` is polled until Executed or Failed, each step pushed to the
 * window that applied. Some FreePBX 17 builds stay in Processing for ever (issue-tracker#1112):
 * after the time limit the outcome is "unknown — check the PBX", never a guess. One apply per
 * profile at a time; asking again while one runs answers the running one's id.
 */
import type { ConfigApplyProgress } from '../../../src-preload/types/config'
import { type AuditLog, seatLabel, type SeatContext } from '../audit'
import { ApiFailure } from '../errors/api-failure'
import { authorizeIn } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import type { ConfigBackend } from './backend'
import type { PendingChanges } from './pending'
import { CONFIG_POLICIES } from './policy'
import type { TextParams } from '../../../src-preload/i18n/translator'
import { say } from '../i18n'
import { strings } from './strings'

const words = say(strings)
/** Main's config keys (none of them plural, so each is a key of the English texts). */
type Said = keyof typeof strings.texts.en

/** A progress sentence twice: in the user's language for the window, in English for the audit (its lines are data). */
function said(key: Said, params: TextParams = {}): { readonly shown: string; readonly audit: string } {
  const english = strings.texts.en[key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''))
  return { shown: words(key, params), audit: english }
}

export interface ApplyTiming {
  /** Between two fetchApiStatus polls (default 1 s). */
  readonly pollMs: number
  /** Processing for longer than this is "outcome unknown" (default 120 s). */
  readonly timeoutMs: number
}

export const APPLY_TIMING: ApplyTiming = { pollMs: 1000, timeoutMs: 120_000 }

export interface ApplyDeps {
  readonly profile: () => PbxProfile
  readonly backend: ConfigBackend | undefined
  readonly audit: AuditLog
  readonly pending: PendingChanges
  /** Pushes a progress event to one window or socket. */
  readonly send: (clientId: string, progress: ConfigApplyProgress) => void
  readonly timing?: Partial<ApplyTiming>
  readonly now?: () => number
}

/** Polls in a row that may fail (the PBX busy reloading) before the outcome is called unknown. */
const MAX_POLL_FAILURES = 5
/** An unknown transaction id may be a row not written yet: this many polls before giving up. */
const MAX_UNKNOWN_TRANSACTION = 3

export async function startApply(d: ApplyDeps, actor: SeatContext): Promise<{ applyId: string }> {
  const profile = d.profile()
  const base = {
    profileId: profile.id,
    role: profile.operator.role,
    action: 'config.apply',
    target: 'Apply Config',
    operator: profile.operator.ownExtension,
    seat: seatLabel(actor),
  }
  const auth = authorizeIn(CONFIG_POLICIES, 'config.apply', profile)
  if (!auth.ok) {
    await d.audit.append({ ...base, result: 'refused', errorCode: 'forbidden', rule: auth.rule, detail: auth.reason })
    throw new ApiFailure('forbidden', auth.rule === 'read_only' ? words('apply.readOnly') : words('apply.adminOnly'), { rule: auth.rule })
  }
  const running = d.pending.runningApply(profile.id)
  if (running !== undefined) return { applyId: running }
  const backend = d.backend
  if (backend === undefined) throw new ApiFailure('unavailable', words('apply.noApi'))
  let transaction: string
  try {
    transaction = await backend.startApply()
  } catch (err) {
    const f = backend.explain(err)
    await d.audit.append({ ...base, result: 'error', errorCode: f.code, detail: f.message })
    throw new ApiFailure(f.code, words('apply.notStarted', { reason: f.message }))
  }
  const applyId = `apply-${transaction}`
  d.pending.setRunning(profile.id, applyId)
  const now = d.now ?? Date.now
  const started = now()
  const timing = { ...APPLY_TIMING, ...d.timing }
  const progress = (state: ConfigApplyProgress['state'], message: string, details?: string): ConfigApplyProgress => ({
    profileId: profile.id,
    applyId,
    state,
    message,
    ...(details === undefined || details === '' ? {} : { details }),
    elapsedMs: now() - started,
  })
  const push = (p: ConfigApplyProgress): void => {
    d.pending.recordApply(p)
    d.send(actor.clientId, p)
  }
  /** `audit`: the outcome in English for the audit line (the window's words are the user's language). */
  const finish = async (p: ConfigApplyProgress, audit: string): Promise<void> => {
    push(p)
    d.pending.setRunning(profile.id, undefined)
    if (p.state === 'executed') d.pending.clear(profile.id)
    const result = p.state === 'executed' ? 'ok' : p.state === 'unknown' ? 'outcome_unknown' : 'error'
    await d.audit.append({
      ...base,
      result,
      ...(result === 'ok' ? {} : { errorCode: p.state }),
      detail: `${audit}${p.details === undefined ? '' : ` — ${p.details}`} (transaction ${transaction})`,
    })
  }
  let failures = 0
  let unknownTransaction = 0
  const poll = async (): Promise<void> => {
    let status: Awaited<ReturnType<ConfigBackend['applyStatus']>> | undefined
    try {
      status = await backend.applyStatus(transaction)
      failures = 0
    } catch {
      failures += 1
    }
    if (status?.state === 'executed') {
      const done = said('apply.executed')
      return finish(progress('executed', done.shown), done.audit)
    }
    if (status?.state === 'failed') {
      const failed = said('apply.failed')
      return finish(progress('failed', failed.shown, status.details), failed.audit)
    }
    if (status?.state === 'unknown_transaction') unknownTransaction += 1
    const elapsed = now() - started
    if (elapsed >= timing.timeoutMs || failures >= MAX_POLL_FAILURES || unknownTransaction >= MAX_UNKNOWN_TRANSACTION) {
      const why =
        failures >= MAX_POLL_FAILURES
          ? said('apply.stopped')
          : unknownTransaction >= MAX_UNKNOWN_TRANSACTION
            ? said('apply.unknownJob')
            : said('apply.stillProcessing', { seconds: String(Math.round(elapsed / 1000)) })
      const unknown = { shown: words('apply.unknown', { why: why.shown }), audit: said('apply.unknown', { why: why.audit }).audit }
      return finish(progress('unknown', unknown.shown), unknown.audit)
    }
    push(progress('processing', words('apply.processing', { seconds: String(Math.round(elapsed / 1000)) })))
    schedule()
  }
  const schedule = (): void => {
    const t = setTimeout(() => {
      poll().catch(() => undefined)
    }, timing.pollMs)
    t.unref()
  }
  await d.audit.append({ ...base, result: 'ok', detail: `started (transaction ${transaction})` })
  // After the reply: the window learns the id first, then its progress.
  setImmediate(() => {
    push(progress('started', words('apply.started')))
    schedule()
  })
  return { applyId }
}
