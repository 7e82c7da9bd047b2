import type { ActionSettled } from '../../../src-preload/types/actions'
import type { Bridge } from '../bridge/bridge'
import { tr } from '../i18n'
import { useToastStore, type ToastKind } from '../stores/toast-store'
import { strings } from './strings'

const t = tr(strings)

const SETTLED = {
  done: { kind: 'ok', sentence: 'settled.done' },
  not_done: { kind: 'error', sentence: 'settled.notDone' },
  ended: { kind: 'warn', sentence: 'settled.ended' },
  unknown: { kind: 'warn', sentence: 'settled.unknown' },
} as const satisfies Readonly<Record<ActionSettled['outcome'], { kind: ToastKind; sentence: string }>>

/**
 * What the toast says once main settled an action whose answer was lost: "Hang-up done (after
 * the PBX answered again): …". `actionWords` are the features' names for their actions; an
 * action no feature names is shown by its own name.
 */
export function settledToast(s: ActionSettled, actionWords: Readonly<Record<string, string>>): { kind: ToastKind; text: string } {
  const { kind, sentence } = SETTLED[s.outcome]
  return { kind, text: t(sentence, { action: actionWords[s.action] ?? s.action, message: s.message }) }
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
