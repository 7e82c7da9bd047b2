import { useLiveStore } from '../stores/live-store'
import { useToastStore } from '../stores/toast-store'

/**
 * Actions (hang up, transfer, park, pick up, dial, pause a queue member) are off while the shown
 * state is stale or the PBX connection is paused: main would refuse them (`circuit_open`, not
 * connected) or act on a call that may be gone. Buttons stay focusable and say why (tooltip, and
 * the same words in a toast when pressed or when a key is used), instead of failing afterwards.
 */

/** Why actions are off now, read when acting; undefined: they may be tried. */
export function actionsOffNow(): string | undefined {
  return useLiveStore.getState().health.actionsOff
}

/** Runs `act` unless actions are off; then says why, once (the toast is replaced, not stacked). */
export function whenActionsOn(act: () => void): void {
  const off = actionsOffNow()
  if (off === undefined) {
    act()
    return
  }
  useToastStore.getState().replace('actions-off', 'warn', off)
}

export interface ActionButtonProps {
  readonly 'aria-disabled'?: true
  readonly title?: string
}

/** Attributes of an action's button while actions are off: marked disabled, the reason as its tooltip. */
export function useActionButton(title?: string): ActionButtonProps {
  const off = useLiveStore((s) => s.health.actionsOff)
  if (off === undefined) return title === undefined ? {} : { title }
  return { 'aria-disabled': true, title: off }
}
