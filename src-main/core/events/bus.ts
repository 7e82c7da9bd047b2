import type { EventChannel, EventPayload } from '../../../src-preload/contract'

/** One connected renderer: an Electron window or a web-mode socket. */
export interface BusClient {
  send<E extends EventChannel>(channel: E, payload: EventPayload<E>): void
  /** True while the transport cannot take more (a WebSocket's unsent backlog is high). */
  isBackedUp(): boolean
}

/**
 * Main → renderer fan-out, per connected client. Broadcasts go to every client; live updates go
 * to the client that subscribed. A client that throws is isolated so one broken window never stops
 * the others from being updated. Closing a client runs its cleanups (live subscriptions).
 */
export class EventBus {
  private readonly clients = new Map<string, BusClient>()
  private readonly cleanups = new Map<string, (() => void)[]>()

  register(clientId: string, client: BusClient): () => void {
    this.clients.set(clientId, client)
    return () => {
      this.clients.delete(clientId)
      for (const fn of this.cleanups.get(clientId) ?? []) fn()
      this.cleanups.delete(clientId)
    }
  }

  /** Runs `fn` when the client goes away (window closed, socket dropped). */
  onClientClose(clientId: string, fn: () => void): void {
    this.cleanups.set(clientId, [...(this.cleanups.get(clientId) ?? []), fn])
  }

  publish<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const client of this.clients.values()) safeSend(client, channel, payload)
  }

  sendTo<E extends EventChannel>(clientId: string, channel: E, payload: EventPayload<E>): void {
    const client = this.clients.get(clientId)
    if (client !== undefined) safeSend(client, channel, payload)
  }

  isBackedUp(clientId: string): boolean {
    return this.clients.get(clientId)?.isBackedUp() ?? false
  }

  get size(): number {
    return this.clients.size
  }
}

function safeSend<E extends EventChannel>(client: BusClient, channel: E, payload: EventPayload<E>): void {
  try {
    client.send(channel, payload)
  } catch {
    // A failing transport is that transport's problem; the others still get the event.
  }
}
