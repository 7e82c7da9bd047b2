/**
 * How a domain declares its channels (in the style of GitHub Desktop's RequestChannels maps): each
 * invoke channel with its input schema (validated at the main-side edge) and its output type, each
 * event with its payload type, each notification with its input schema.
 */
import { z } from 'zod'
import type { DomainChannelNames } from './names'

/** Phantom marker carrying a channel's output type; it has no runtime role. */
export interface Returns<T> {
  readonly __returns?: T
}
export const returns = <T>(): Returns<T> => ({})

export interface InvokeSpec<I extends z.ZodType, O> {
  readonly input: I
  readonly output: Returns<O>
}
export const channel = <I extends z.ZodType, O>(input: I, output: Returns<O>): InvokeSpec<I, O> => ({ input, output })

/** Channels without input accept nothing at all (undefined), so a stray payload is refused. */
export const noInput = z.undefined()

/**
 * What a domain's spec must be for its names file: exactly one spec per name, no spec without a
 * name (checked with `satisfies`, which refuses missing and extra keys alike). Event payloads come
 * from main (trusted), so they carry types, not schemas; notifications are validated like invokes.
 */
export interface DomainSpec<N extends DomainChannelNames> {
  readonly invoke: { readonly [C in N['invoke'][number]]: InvokeSpec<z.ZodType, unknown> }
  readonly events: { readonly [E in N['events'][number]]: Returns<unknown> }
  readonly notify: { readonly [M in N['notify'][number]]: z.ZodType }
}
