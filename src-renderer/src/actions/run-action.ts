import type { ActionDone, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import type { Result } from '../../../src-preload/types/result'
import { tr } from '../i18n'
import { useToastStore } from '../stores/toast-store'
import { strings } from './strings'

const t = tr(strings)

/** An unknown outcome waits this long for main to settle it (main gives up after 10 minutes). */
const UNSETTLED_LIFETIME_MS = 10 * 60_000

function settleIdOf(detail: unknown): string | undefined {
  if (typeof detail !== 'object' || detail === null || !('settleId' in detail)) return undefined
  const id = (detail as UnknownOutcomeDetail).settleId
  return typeof id === 'string' ? id : undefined
}

export interface RunOptions {
  /**
   * The call an action is about, in words ("Anna Außen"): an error or an unknown outcome names it,
   * so a toast read seconds later still says which caller it concerns.
   */
  readonly about?: string
  /** Errors the caller shows itself, beside the field they concern (the dial box): no toast for them. */
  readonly errorsShownInPlace?: boolean
}

/**
 * Shows an action's result plainly: its confirmation, or its cause ("the call has already gone",
 * the guard rule that refused a number, "outcome unknown" after a lost answer — never retried,
 * and replaced by what the PBX's call list shows once main has settled it: settled-toasts.ts).
 */
export async function runAction(pending: Promise<Result<ActionDone>>, opts: RunOptions = {}): Promise<Result<ActionDone>> {
  const result = await pending
  const push = useToastStore.getState().push
  const about = (text: string): string => (opts.about === undefined || opts.about === '' ? text : t('about', { about: opts.about, text }))
  if (result.ok) push('ok', result.value.message)
  else if (result.error.code === 'outcome_unknown' || result.error.code === 'timeout') {
    const settleId = settleIdOf(result.error.detail)
    const reason = result.error.message
    if (settleId === undefined) push('warn', about(t('unknown', { reason })))
    else push('warn', about(t('unknownChecking', { reason })), { key: settleId, lifetimeMs: UNSETTLED_LIFETIME_MS })
  } else if (opts.errorsShownInPlace !== true || result.error.code === 'confirm_required') push('error', about(result.error.message))
  return result
}
