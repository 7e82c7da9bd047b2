import type { EventChannel, InvokeChannel, NotifyChannel, Result, WireFrame, WireNotify } from '../../../src-preload/contract'
import type { Bridge, LinkState } from './bridge'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

const TOKEN_KEY = 'attendant.token'
/** A request unanswered this long is reported as a timeout rather than hanging the UI. */
const REQUEST_TIMEOUT_MS = 30_000
/** Main closes a socket with this code when the token it was opened with is replaced (web-server.ts). */
const TOKEN_REPLACED_CLOSE = 4401

/**
 * The token arrives in the page URL; keep it in this browser for this console's address (so a
 * bookmark of the page, or a reload, still opens it after a restart) and take it out of the
 * address bar and history.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl !== null) {
    rememberToken(fromUrl)
    url.searchParams.delete('token')
    window.history.replaceState(null, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storedToken()
}

function storedToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY) ?? sessionStorage.getItem(TOKEN_KEY)
  } catch {
    return null
  }
}

/** Kept for the next visit (Admin's rotation hands its tab the new token this way). */
export function rememberToken(token: string): void {
  try {
    localStorage.setItem(TOKEN_KEY, token)
  } catch {
    // Storage refused (private mode): the token still works for this page.
  }
}

/** Forgets a token the console refused, so the next visit asks for a new link rather than trying it. */
function forgetToken(token: string): void {
  try {
    if (localStorage.getItem(TOKEN_KEY) === token) localStorage.removeItem(TOKEN_KEY)
    sessionStorage.removeItem(TOKEN_KEY)
  } catch {
    // nothing stored to forget
  }
}

/** Does the console still take this token? false = refused; undefined = the console did not answer (down). */
async function tokenAccepted(token: string): Promise<boolean | undefined> {
  try {
    const res = await fetch('/access', { headers: { 'X-Attendant-Token': token }, cache: 'no-store' })
    if (res.status === 204) return true
    if (res.status === 401) return false
    return undefined
  } catch {
    return undefined
  }
}

interface Pending {
  resolve: (r: Result<unknown>) => void
  timer: ReturnType<typeof setTimeout>
}

/** Web mode's transport: the contract over the loopback WebSocket, reconnecting with backoff. */
export function webBridge(initialToken: string): Bridge {
  let token = initialToken
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

  /** The socket was refused or closed: is it the console that is away, or this page's token? */
  const retryOrRefuse = async (replaced: boolean): Promise<void> => {
    // Another tab of this browser may hold the token that replaced ours (Admin's rotation).
    const stored = storedToken()
    if (stored !== null && stored !== token) {
      token = stored
      connect()
      return
    }
    const accepted = replaced ? false : await tokenAccepted(token)
    if (accepted === false) {
      forgetToken(token)
      setState('refused')
      return
    }
    setTimeout(connect, retryMs)
    retryMs = Math.min(retryMs * 2, 5000)
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
    ws.onclose = (event: CloseEvent) => {
      socket = null
      // Requests in flight may or may not have run: report that plainly, never resend them.
      settleAll(t('linkLost'))
      setState('closed')
      void retryOrRefuse(event.code === TOKEN_REPLACED_CLOSE)
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
