import type { ActionSettled } from '../../../src-preload/types/actions'
import type { Bridge } from '../bridge/bridge'
import { useToastStore, type ToastKind } from '../stores/toast-store'

const SETTLED: Readonly<Record<ActionSettled['outcome'], { kind: ToastKind; words: string }>> = {
  done: { kind: 'ok', words: 'done' },
  not_done: { kind: 'error', words: 'not done' },
  ended: { kind: 'warn', words: 'cannot be told' },
  unknown: { kind: 'warn', words: 'still unknown' },
}

/**
 * What the toast says once main settled an action whose answer was lost: "Hang-up done (after
 * the PBX answered again): …". `actionWords` are the features' names for their actions; an
 * action no feature names is shown by its own name.
 */
export function settledToast(s: ActionSettled, actionWords: Readonly<Record<string, string>>): { kind: ToastKind; text: string } {
  const { kind, words } = SETTLED[s.outcome]
  const what = actionWords[s.action] ?? s.action
  return { kind, text: `${what} ${words} (after the PBX answered again): ${s.message}` }
}

/**
 * Main settles lost answers from the resynced call list and tells the window that acted: the
 * "outcome unknown" toast runAction left (keyed by the settle id) is replaced by the outcome.
 */
export function showSettledActions(bridge: Bridge, actionWords: Readonly<Record<string, string>>): () => void {
  return bridge.on('actions.settled', (s) => {
    const { kind, text } = settledToast(s, actionWords)
    useToastStore.getState().replace(s.settleId, kind, text)
  })
}
