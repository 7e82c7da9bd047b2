import type { EventChannel, InvokeChannel, NotifyChannel, Result, WireFrame, WireNotify } from '../../../src-preload/contract'
import type { Bridge, LinkState } from './bridge'

const TOKEN_KEY = 'attendant.token'
/** A request unanswered this long is reported as a timeout rather than hanging the UI. */
const REQUEST_TIMEOUT_MS = 30_000

/**
 * The token arrives once in the page URL; keep it for this tab (so a reload still works) and take
 * it out of the address bar and history.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

interface Pending {
  resolve: (r: Result<unknown>) => void
  timer: ReturnType<typeof setTimeout>
}

/** Web mode's transport: the contract over the loopback WebSocket, reconnecting with backoff. */
export function webBridge(token: string): Bridge {
  const pending = new Map<number, Pending>()
  const eventListeners = new Map<EventChannel, Set<(payload: unknown) => void>>()
  const linkListeners = new Set<(s: LinkState) => void>()
  let socket: WebSocket | null = null
  let state: LinkState = 'connecting'
  let nextId = 1
  let retryMs = 250
  const queue: string[] = []
  /** Sent now when the socket is open, else after the (re)connect, in order with requests. */
  const sendOrQueue = (frame: string): void => {
    if (socket !== null && socket.readyState === WebSocket.OPEN) socket.send(frame)
    else queue.push(frame)
  }

  const setState = (s: LinkState): void => {
    state = s
    for (const l of linkListeners) l(s)
  }

  const settleAll = (message: string): void => {
    for (const [id, p] of pending) {
      clearTimeout(p.timer)
      p.resolve({ ok: false, error: { code: 'unavailable', message } })
      pending.delete(id)
    }
  }

  const connect = (): void => {
    const ws = new WebSocket(`ws://${window.location.host}/ws?token=${encodeURIComponent(token)}`)
    socket = ws
    ws.onopen = () => {
      retryMs = 250
      setState('open')
      for (const frame of queue.splice(0)) ws.send(frame)
    }
    ws.onmessage = (msg: MessageEvent<string>) => {
      const frame = JSON.parse(msg.data) as WireFrame
      if (frame.kind === 'reply') {
        const p = pending.get(frame.id)
        if (p === undefined) return
        clearTimeout(p.timer)
        pending.delete(frame.id)
        p.resolve(frame.result)
      } else if (frame.kind === 'event') {
        for (const l of eventListeners.get(frame.channel) ?? []) l(frame.payload)
      }
    }
    ws.onclose = () => {
      socket = null
      // Requests in flight may or may not have run: report that plainly, never resend them.
      settleAll('Connection to the console was lost; the outcome is unknown')
      setState('closed')
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 5000)
    }
  }
  connect()

  return {
    invoke: (channel: InvokeChannel, ...args: unknown[]) =>
      new Promise<Result<unknown>>((resolve) => {
        const id = nextId++
        const timer = setTimeout(() => {
          pending.delete(id)
          resolve({ ok: false, error: { code: 'timeout', message: `${channel} did not answer in time` } })
        }, REQUEST_TIMEOUT_MS)
        pending.set(id, { resolve, timer })
        sendOrQueue(JSON.stringify({ id, channel, input: args[0] }))
      }),
    notify: (channel: NotifyChannel, input: unknown) => {
      const frame: WireNotify = { notify: channel, input }
      sendOrQueue(JSON.stringify(frame))
    },
    on: (event: EventChannel, listener: (payload: unknown) => void) => {
      let set = eventListeners.get(event)
      if (set === undefined) {
        set = new Set()
        eventListeners.set(event, set)
      }
      set.add(listener)
      return () => {
        set.delete(listener)
      }
    },
    onLinkChange: (listener: (s: LinkState) => void) => {
      linkListeners.add(listener)
      return () => {
        linkListeners.delete(listener)
      }
    },
    get linkState() {
      return state
    },
  } as Bridge
}
