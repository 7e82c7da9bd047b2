/**
 * The contract's channel names, dependency-free so the sandboxed preload can bundle them without
 * pulling in schemas. `contract.ts` must declare exactly these (a compile error otherwise).
 */
export const invokeChannelNames = [
  'app.info',
  'settings.get',
  'settings.set',
  'profiles.list',
  'profiles.save',
  'profiles.remove',
  'profiles.test',
  'admin.setPassphrase',
  'audit.read',
  'connections.list',
  'live.subscribe',
  'calls.hangup',
  'calls.transfer',
  'calls.transferComplete',
  'calls.transferCancel',
  'calls.originate',
  'calls.park',
  'calls.pickup',
  'queues.pause',
  'history.query',
  'history.aggregate',
  'history.stats',
  'history.export',
  'history.retentionPreview',
] as const

export const eventChannelNames = ['settings.changed', 'profiles.changed', 'connections.changed', 'live.message', 'actions.settled'] as const

/** Renderer → main messages that need no answer (flow control). */
export const notifyChannelNames = ['live.ack'] as const

export type InvokeChannel = (typeof invokeChannelNames)[number]
export type EventChannel = (typeof eventChannelNames)[number]
export type NotifyChannel = (typeof notifyChannelNames)[number]

/** Electron IPC names are namespaced so a foreign `ipcRenderer.invoke('x')` never matches. */
export const ipcName = (c: InvokeChannel | EventChannel | NotifyChannel): string => `attendant:${c}`
