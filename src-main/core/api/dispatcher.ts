import { invokeChannels, isInvokeChannel, type InvokeChannel } from '../../../src-preload/contract'
import { fail, ok, type Result } from '../../../src-preload/types/result'
import { ApiFailure } from '../errors/api-failure'
import type { CallContext, Dispatch, Handler, Handlers } from '../slice'
import { say } from '../i18n'
import { issueWords } from './issue-words'
import { strings } from './strings'

const t = say(strings)

// Transports and tests name these from here; they are declared with the slices (no domain imports api/).
export type { CallContext, Dispatch, Handler, Handlers } from '../slice'

/** Largest structured input accepted before schema validation even runs. */
const MAX_INPUT_JSON_BYTES = 256 * 1024

function describeIssues(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length > 0 ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ')
}

function inputTooLarge(input: unknown): boolean {
  if (input === undefined) return false
  try {
    return JSON.stringify(input).length > MAX_INPUT_JSON_BYTES
  } catch {
    return true // cyclic or otherwise unserialisable: not something a renderer can legitimately send
  }
}

/**
 * The single main-side edge both transports call: checks the channel, validates the input with the
 * channel's schema, runs the handler and labels every outcome. It never throws.
 */
export function createDispatcher(handlers: Handlers, onInternalError?: (err: unknown) => void): Dispatch {
  const dispatch = async (channel: unknown, input: unknown, ctx: CallContext): Promise<Result<unknown>> => {
    if (!isInvokeChannel(channel)) return fail('unknown_channel', t('unknownChannel', { channel: String(channel).slice(0, 64) }))
    if (inputTooLarge(input)) return fail('invalid_input', t('tooLarge'))
    // Built-in checks say what is wrong in plain words and the console's language (issue-words.ts).
    const parsed = invokeChannels[channel].input.safeParse(input, { error: issueWords })
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error))
    try {
      const handler = handlers[channel] as Handler<InvokeChannel>
      const value = await handler(parsed.data, ctx)
      return ok(value)
    } catch (err) {
      if (err instanceof ApiFailure) return fail(err.code, err.message, err.detail)
      onInternalError?.(err)
      return fail('internal', t('internal'))
    }
  }
  return dispatch as Dispatch
}
