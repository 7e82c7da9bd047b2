import {
  attentionStatusSchema,
  notifyInputSchema,
  type AttentionActivated,
  type DialRequest,
  type ShellState,
  type TrayAction,
} from '../types/attention'
import type { attentionChannelNames } from './attention.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const attentionContract = {
  invoke: {
    /** Shows a native notification for this window; `unavailable` in web mode (the browser's API serves there). */
    'attention.notify': channel(notifyInputSchema, returns<{ readonly shown: boolean }>()),
    /** The tray, the dock badge and the taskbar flash follow this window's calls waiting and connection. */
    'attention.status': channel(attentionStatusSchema, returns<{ readonly shown: boolean }>()),
    /** What the shell offers, and a dial link that came before the window was ready (handed over once). */
    'attention.shell': channel(noInput, returns<ShellState>()),
  },
  events: {
    'attention.activated': returns<AttentionActivated>(),
    'attention.dialRequest': returns<DialRequest>(),
    /** A tray menu entry for the window to carry out (do not disturb on the seat's phone). */
    'attention.trayAction': returns<TrayAction>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof attentionChannelNames>
