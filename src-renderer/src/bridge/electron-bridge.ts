import type { AttendantBridge, EventChannel, InvokeChannel, NotifyChannel } from '../../../src-preload/contract'
import type { Bridge } from './bridge'

/** Wraps the preload's per-channel functions behind the renderer's Bridge interface. */
export function electronBridge(api: AttendantBridge): Bridge {
  return {
    invoke: (channel: InvokeChannel, ...args: unknown[]) => {
      const fn = api.invoke[channel] as (input?: unknown) => Promise<never>
      return fn(args[0])
    },
    notify: (channel: NotifyChannel, input: unknown) => {
      const fn = api.notify[channel] as (input: unknown) => void
      fn(input)
    },
    on: (event: EventChannel, listener: (payload: never) => void) => {
      const subscribe = api.events[event] as (l: (payload: never) => void) => () => void
      return subscribe(listener)
    },
    onLinkChange: () => () => undefined,
    linkState: 'open',
  } as Bridge
}
