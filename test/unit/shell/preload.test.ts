import { describe, expect, it, vi } from 'vitest'

const exposed: Record<string, unknown> = {}
const invoked: [string, unknown][] = []
const sent: [string, unknown][] = []
const listeners = new Map<string, ((e: unknown, p: unknown) => void)[]>()

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      exposed[key] = api
    },
  },
  ipcRenderer: {
    send: (name: string, input: unknown) => {
      sent.push([name, input])
    },
    invoke: (name: string, input: unknown) => {
      invoked.push([name, input])
      return Promise.resolve({ ok: true, value: null })
    },
    on: (name: string, fn: (e: unknown, p: unknown) => void) => {
      listeners.set(name, [...(listeners.get(name) ?? []), fn])
    },
    removeListener: (name: string, fn: (e: unknown, p: unknown) => void) => {
      listeners.set(
        name,
        (listeners.get(name) ?? []).filter((f) => f !== fn),
      )
    },
  },
}))

import { eventChannelNames, invokeChannelNames, ipcName, notifyChannelNames, type AttendantBridge } from '../../../src-preload/contract'

describe('preload', () => {
  it('exposes exactly the contract as window.attendant, nothing else', async () => {
    await import('../../../src-preload/index')
    expect(Object.keys(exposed)).toEqual(['attendant'])
    const bridge = exposed.attendant as AttendantBridge
    expect(Object.keys(bridge).sort()).toEqual(['events', 'invoke', 'notify'])
    expect(Object.keys(bridge.invoke).sort()).toEqual([...invokeChannelNames].sort())
    expect(Object.keys(bridge.events).sort()).toEqual([...eventChannelNames].sort())
    expect(Object.keys(bridge.notify).sort()).toEqual([...notifyChannelNames].sort())
    expect(Object.isFrozen(bridge) && Object.isFrozen(bridge.invoke) && Object.isFrozen(bridge.notify)).toBe(true)
  })

  it('each notify function sends (no reply) on its own IPC name with only the input', () => {
    const bridge = exposed.attendant as AttendantBridge
    bridge.notify['live.ack']({ restart: false })
    expect(sent.at(-1)).toEqual([ipcName('live.ack'), { restart: false }])
  })

  it('each function invokes its own IPC name with only the input', async () => {
    const bridge = exposed.attendant as AttendantBridge
    await bridge.invoke['settings.set']({ theme: 'dark' })
    expect(invoked.at(-1)).toEqual([ipcName('settings.set'), { theme: 'dark' }])
  })

  it('event subscriptions deliver the payload without the IPC event object and can be removed', () => {
    const bridge = exposed.attendant as AttendantBridge
    const got: unknown[] = []
    const off = bridge.events['settings.changed']((p) => got.push(p))
    for (const fn of listeners.get(ipcName('settings.changed')) ?? []) fn({ sender: 'ipc-internals' }, { theme: 'light' })
    expect(got).toEqual([{ theme: 'light' }])
    off()
    expect(listeners.get(ipcName('settings.changed'))).toEqual([])
  })
})
