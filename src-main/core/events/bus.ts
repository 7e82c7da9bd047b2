import type { EventChannel, EventPayload } from '../../../src-preload/contract'

export type EventListener = <E extends EventChannel>(channel: E, payload: EventPayload<E>) => void

/**
 * Main → renderer fan-out. Each transport connection (an Electron window, a web-mode socket)
 * subscribes once and forwards what it is given; a listener that throws is isolated so one broken
 * window never stops the others from being updated.
 */
export class EventBus {
  private readonly listeners = new Set<EventListener>()

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  publish<E extends EventChannel>(channel: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(channel, payload)
      } catch {
        // A failing transport is that transport's problem; the others still get the event.
      }
    }
  }

  get size(): number {
    return this.listeners.size
  }
}
