/**
 * Preload (sandboxed, CommonJS): exposes exactly the contract as `window.attendant`.
 * Each invoke channel becomes its own function bound to its own IPC name; each event channel a
 * subscribe function; each notify channel a send function. The renderer never gets ipcRenderer, a generic invoke, or any Node object.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { eventChannelNames, invokeChannelNames, notifyChannelNames } from './channel-list'
import { ipcName } from './contract/names'
import type { AttendantBridge } from './contract'

function buildInvoke(): AttendantBridge['invoke'] {
  const entries = invokeChannelNames.map((c) => {
    const name = ipcName(c)
    // Only the input crosses; the event object and ipcRenderer stay here.
    return [c, (input?: unknown) => ipcRenderer.invoke(name, input)] as const
  })
  return Object.freeze(Object.fromEntries(entries)) as unknown as AttendantBridge['invoke']
}

function buildEvents(): AttendantBridge['events'] {
  const entries = eventChannelNames.map((e) => {
    const name = ipcName(e)
    const subscribe = (listener: (payload: unknown) => void): (() => void) => {
      const wrapped = (_event: IpcRendererEvent, payload: unknown): void => {
        listener(payload)
      }
      ipcRenderer.on(name, wrapped)
      return () => {
        ipcRenderer.removeListener(name, wrapped)
      }
    }
    return [e, subscribe] as const
  })
  return Object.freeze(Object.fromEntries(entries)) as unknown as AttendantBridge['events']
}

function buildNotify(): AttendantBridge['notify'] {
  const entries = notifyChannelNames.map((n) => {
    const name = ipcName(n)
    // Fire-and-forget: main validates the input at its edge and never answers.
    return [
      n,
      (input: unknown) => {
        ipcRenderer.send(name, input)
      },
    ] as const
  })
  return Object.freeze(Object.fromEntries(entries)) as unknown as AttendantBridge['notify']
}

const bridge: AttendantBridge = Object.freeze({ invoke: buildInvoke(), events: buildEvents(), notify: buildNotify() })
contextBridge.exposeInMainWorld('attendant', bridge)
