import type { ActionDone } from '../../../../src-preload/types/actions'
import type { Result } from '../../../../src-preload/types/result'
import { useToastStore } from '../../stores/toast-store'

/**
 * Shows an action's result plainly: its confirmation, or its cause ("the call has already gone",
 * the guard rule that refused a number, "outcome unknown" after a lost answer — never retried).
 */
export async function runAction(pending: Promise<Result<ActionDone>>): Promise<Result<ActionDone>> {
  const result = await pending
  const push = useToastStore.getState().push
  if (result.ok) push('ok', result.value.message)
  else if (result.error.code === 'outcome_unknown' || result.error.code === 'timeout') push('warn', `Outcome unknown: ${result.error.message}`)
  else push('error', result.error.message)
  return result
}
