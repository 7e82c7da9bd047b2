import type { ActionDone, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import type { Result } from '../../../src-preload/types/result'
import { useToastStore } from '../stores/toast-store'

/** An unknown outcome waits this long for main to settle it (main gives up after 10 minutes). */
const UNSETTLED_LIFETIME_MS = 10 * 60_000

function settleIdOf(detail: unknown): string | undefined {
  if (typeof detail !== 'object' || detail === null || !('settleId' in detail)) return undefined
  const id = (detail as UnknownOutcomeDetail).settleId
  return typeof id === 'string' ? id : undefined
}

/**
 * Shows an action's result plainly: its confirmation, or its cause ("the call has already gone",
 * the guard rule that refused a number, "outcome unknown" after a lost answer — never retried,
 * and replaced by what the PBX's call list shows once main has settled it: settled-toasts.ts).
 */
export async function runAction(pending: Promise<Result<ActionDone>>): Promise<Result<ActionDone>> {
  const result = await pending
  const push = useToastStore.getState().push
  if (result.ok) push('ok', result.value.message)
  else if (result.error.code === 'outcome_unknown' || result.error.code === 'timeout') {
    const settleId = settleIdOf(result.error.detail)
    const text = `Outcome unknown: ${result.error.message}`
    if (settleId === undefined) push('warn', text)
    else push('warn', `${text}. Checking the PBX’s call list…`, { key: settleId, lifetimeMs: UNSETTLED_LIFETIME_MS })
  } else push('error', result.error.message)
  return result
}
