/**
 * What a domain's handlers are, in main: one function per invoke channel of the contract. Here,
 * not in api/, so each domain declares its own handlers without depending on the API layer.
 */
import type { InvokeChannel, InvokeOutput, InvokeParsed } from '../../../src-preload/contract'
import type { DomainChannelNames } from '../../../src-preload/contract/names'
import type { Result } from '../../../src-preload/types/result'

/** Who is calling: one per Electron window or web-mode socket. Used for rate limits and audit. */
export interface CallContext {
  readonly clientId: string
  readonly transport: 'ipc' | 'web'
}

export type Handler<C extends InvokeChannel> = (input: InvokeParsed<C>, ctx: CallContext) => Promise<InvokeOutput<C>> | InvokeOutput<C>

/** One handler per channel of C; a missing or extra key is a compile error. */
export type HandlersOf<C extends InvokeChannel> = { readonly [K in C]: Handler<K> }

/** The handlers of the whole contract. */
export type Handlers = HandlersOf<InvokeChannel>

/** The invoke channels a domain's names file declares. */
export type InvokeChannelsOf<N extends DomainChannelNames> = Extract<N['invoke'][number], InvokeChannel>

/** Typed for a literal channel name (tests, in-process callers); `unknown` for what a transport received. */
export type Dispatch = <C extends string>(
  channel: C,
  input: unknown,
  ctx: CallContext,
) => Promise<Result<C extends InvokeChannel ? InvokeOutput<C> : unknown>>
