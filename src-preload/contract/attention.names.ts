/**
 * Attention and the desktop shell: native notifications, the tray and badge, click-to-dial links
 * and the clipboard shortcut handed to the window. In web mode the browser does these itself.
 */
export const attentionChannelNames = {
  invoke: ['attention.notify', 'attention.status', 'attention.shell'],
  events: ['attention.activated', 'attention.dialRequest', 'attention.trayAction'],
  notify: [],
} as const
