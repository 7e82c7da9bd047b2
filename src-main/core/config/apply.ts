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
    throw new ApiFailure(
      'forbidden',
      auth.rule === 'read_only' ? 'This profile is read-only: it cannot apply configuration.' : 'Only an admin may apply the PBX configuration.',
      { rule: auth.rule },
    )
  }
  const running = d.pending.runningApply(profile.id)
  if (running !== undefined) return { applyId: running }
  const backend = d.backend
  if (backend === undefined) throw new ApiFailure('unavailable', 'This profile has no FreePBX API: nothing to apply from here.')
  let transaction: string
  try {
    transaction = await backend.startApply()
  } catch (err) {
    const f = backend.explain(err)
    await d.audit.append({ ...base, result: 'error', errorCode: f.code, detail: f.message })
    throw new ApiFailure(f.code, `Apply Config did not start: ${f.message}`)
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
  const finish = async (p: ConfigApplyProgress): Promise<void> => {
    push(p)
    d.pending.setRunning(profile.id, undefined)
    if (p.state === 'executed') d.pending.clear(profile.id)
    const result = p.state === 'executed' ? 'ok' : p.state === 'unknown' ? 'outcome_unknown' : 'error'
    await d.audit.append({
      ...base,
      result,
      ...(result === 'ok' ? {} : { errorCode: p.state }),
      detail: `${p.message}${p.details === undefined ? '' : ` — ${p.details}`} (transaction ${transaction})`,
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
    if (status?.state === 'executed') return finish(progress('executed', 'Applied: the PBX runs the new configuration.'))
    if (status?.state === 'failed') return finish(progress('failed', 'FreePBX could not apply the configuration.', status.details))
    if (status?.state === 'unknown_transaction') unknownTransaction += 1
    const elapsed = now() - started
    if (elapsed >= timing.timeoutMs || failures >= MAX_POLL_FAILURES || unknownTransaction >= MAX_UNKNOWN_TRANSACTION) {
      const why =
        failures >= MAX_POLL_FAILURES
          ? 'FreePBX stopped answering while it applied'
          : unknownTransaction >= MAX_UNKNOWN_TRANSACTION
            ? 'FreePBX does not know this apply'
            : `still processing after ${String(Math.round(elapsed / 1000))} s`
      return finish(progress('unknown', `Outcome unknown — check the PBX (${why}).`))
    }
    push(progress('processing', `FreePBX is applying the configuration (${String(Math.round(elapsed / 1000))} s)…`))
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
    push(progress('started', 'Apply Config started.'))
    schedule()
  })
  return { applyId }
}
