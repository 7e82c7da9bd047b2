import type { AttentionStatus, NotifyInput, ShellState } from '../../../src-preload/types/attention'

/**
 * What the desktop shell (src-main/electron) does for the attention channels; web mode has none,
 * and the browser's own Notification API serves its windows. Each call names the window that asks.
 */
export interface DesktopShell {
  /** Shows a native notification; a click brings that window to the front with the call selected. */
  notify(clientId: string, input: NotifyInput): boolean
  /** The tray icon and tooltip, the dock or taskbar badge, the taskbar flash. */
  status(clientId: string, status: AttentionStatus): void
  /** What the shell offers now; hands over (once) a dial link that came before the window was ready. */
  state(clientId: string): ShellState
}
