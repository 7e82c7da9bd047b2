import type {
  EventChannel,
  EventPayload,
  InvokeArgs,
  InvokeChannel,
  InvokeOutput,
  NotifyChannel,
  NotifyInput,
  Result,
} from '../../../src-preload/contract'

/** 'refused': web mode's console no longer takes this page's token (replaced, or another console's link). */
export type LinkState = 'connecting' | 'open' | 'closed' | 'refused'

/**
 * One interface over both transports: Electron's preload (`window.attendant`) and web mode's
 * loopback WebSocket. Stores and views only ever see this.
 */
export interface Bridge {
  invoke<C extends InvokeChannel>(channel: C, ...args: InvokeArgs<C>): Promise<Result<InvokeOutput<C>>>
  /** Fire-and-forget message to main (flow control); never answered, never throws. */
  notify<N extends NotifyChannel>(channel: N, input: NotifyInput<N>): void
  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** Transport health; Electron's IPC is always 'open'. A reopen means: fetch fresh snapshots. */
  onLinkChange(listener: (state: LinkState) => void): () => void
  readonly linkState: LinkState
}
