import type { MenuCommand } from '../types/views'
import type { menuChannelNames } from './menu.names'
import { returns, type DomainSpec } from './spec'

export const menuContract = {
  invoke: {},
  events: {
    /** Sent by main to the focused window only (Electron); web mode has no application menu. */
    'menu.command': returns<MenuCommand>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof menuChannelNames>
