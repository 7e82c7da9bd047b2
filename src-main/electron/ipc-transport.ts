import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { invokeChannelNames, ipcName, notifyChannels, type EventPayload } from '../../src-preload/contract'
import { LiveFlowGate } from '../core/live/live-flow'
import type { AppCore } from '../core/app/app-core'
import { fail } from '../../src-preload/types/result'
import { isTrustedSender } from '../core/security/trusted-sender'
import { say } from '../core/i18n'
import { strings } from './strings'

const t = say(strings)

/**
 * Registers one ipcMain handler per contract channel, all through the core's single dispatcher.
 * The sender frame is checked first; an untrusted one is refused (and logged) before its input is
 * even parsed.
 */
export function registerIpc(core: Pick<AppCore, 'dispatch'>, log: (message: string) => void): void {
  for (const channel of invokeChannelNames) {
    ipcMain.handle(ipcName(channel), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event.senderFrame)) {
        log(`refused ${channel} from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`)
        return fail('forbidden', t('ipc.forbidden'))
      }
      return core.dispatch(channel, input, { clientId: `ipc-${String(event.sender.id)}`, transport: 'ipc' })
    })
  }
}

/**
 * Forwards the core's events to one window for as long as it lives. Live messages go through the
 * window's flow gate: the next one is sent only once the window acknowledged the last
 * ('live.ack', received on this window's own IPC, validated here like any contract input).
 */
export function forwardEvents(
  core: Pick<AppCore, 'bus'>,
  contents: WebContents,
  log: (message: string) => void = (m) => {
    console.warn(`[attendant] ${m}`)
  },
): void {
  const gate = new LiveFlowGate({
    transmit: (msg) => {
      if (!contents.isDestroyed()) contents.send(ipcName('live.message'), msg)
    },
  })
  // contents.ipc hears only this window's messages, so one window's acks never free another's.
  contents.ipc.on(ipcName('live.ack'), (event: IpcMainEvent, input: unknown) => {
    if (!isTrustedSender(event.senderFrame)) {
      log(`refused live.ack from untrusted frame ${event.senderFrame?.url ?? '(gone)'}`)
      return
    }
    const parsed = notifyChannels['live.ack'].safeParse(input)
    if (!parsed.success) {
      log('refused a malformed live.ack')
      return
    }
    gate.receive(parsed.data)
  })
  const unregister = core.bus.register(`ipc-${String(contents.id)}`, {
    send: (channel, payload) => {
      if (channel === 'live.message') gate.offer(payload as EventPayload<'live.message'>)
      else if (!contents.isDestroyed()) contents.send(ipcName(channel), payload)
    },
    // IPC to a local window does not back up the way a socket does.
    isBackedUp: () => false,
  })
  contents.once('destroyed', unregister)
}
