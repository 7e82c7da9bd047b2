import type { ActionDone, ActionSettled, UnknownOutcomeDetail } from '../../../src-preload/types/actions'
import type { Result } from '../../../src-preload/types/result'
import { bridge } from '../bridge/current'
import { useToastStore, type ToastKind } from '../stores/toast-store'

/** An unknown outcome waits this long for main to settle it (main gives up after 10 minutes). */
const UNSETTLED_LIFETIME_MS = 10 * 60_000

const ACTION_WORDS: Readonly<Record<string, string>> = {
  'call.hangup': 'Hang-up',
  'call.transfer.blind': 'Transfer',
  'call.transfer.voicemail': 'Voicemail transfer',
  'call.transfer.attended': 'Attended transfer',
  'call.transfer.complete': 'Completing the transfer',
  'call.transfer.cancel': 'Cancelling the transfer',
  'call.originate': 'Call',
  'call.park': 'Park',
  'call.pickup': 'Pick-up',
  'queue.pause': 'Queue pause',
  'queue.unpause': 'Queue unpause',
}

const SETTLED: Readonly<Record<ActionSettled['outcome'], { kind: ToastKind; words: string }>> = {
  done: { kind: 'ok', words: 'done' },
  not_done: { kind: 'error', words: 'not done' },
  ended: { kind: 'warn', words: 'cannot be told' },
  unknown: { kind: 'warn', words: 'still unknown' },
}

let listening = false

/** Main settles lost answers from the resynced call list and tells the window that acted. */
function listenForSettled(): void {
  if (listening) return
  listening = true
  bridge().on('actions.settled', (s) => {
    const { kind, words } = SETTLED[s.outcome]
    const what = ACTION_WORDS[s.action] ?? s.action
    useToastStore.getState().replace(s.settleId, kind, `${what} ${words} (after the PBX answered again): ${s.message}`)
  })
}

function settleIdOf(detail: unknown): string | undefined {
  if (typeof detail !== 'object' || detail === null || !('settleId' in detail)) return undefined
  const id = (detail as UnknownOutcomeDetail).settleId
  return typeof id === 'string' ? id : undefined
}

/**
 * Shows an action's result plainly: its confirmation, or its cause ("the call has already gone",
 * the guard rule that refused a number, "outcome unknown" after a lost answer — never retried,
 * and replaced by what the PBX's call list shows once main has settled it).
 */
export async function runAction(pending: Promise<Result<ActionDone>>): Promise<Result<ActionDone>> {
  listenForSettled()
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
