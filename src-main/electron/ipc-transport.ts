import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { invokeChannelNames, ipcName } from '../../src-preload/contract'
import type { AppCore } from '../core/app/app-core'
import { fail } from '../../src-preload/types/result'
import { isTrustedSender } from '../core/security/trusted-sender'

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
        return fail('forbidden', 'This window may not call the console')
      }
      return core.dispatch(channel, input, { clientId: `ipc-${String(event.sender.id)}`, transport: 'ipc' })
    })
  }
}

/** Forwards the core's events to one window for as long as it lives. */
export function forwardEvents(core: Pick<AppCore, 'bus'>, contents: WebContents): void {
  const unregister = core.bus.register(`ipc-${String(contents.id)}`, {
    send: (channel, payload) => {
      if (!contents.isDestroyed()) contents.send(ipcName(channel), payload)
    },
    // IPC to a local window does not back up the way a socket does.
    isBackedUp: () => false,
  })
  contents.once('destroyed', unregister)
}
