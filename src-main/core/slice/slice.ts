import type { InvokeChannel } from '../../../src-preload/contract'
import type { PolicyTable } from '../guard'
import type { HandlersOf } from './handler'

/**
 * What one domain registers with the API (one line in api/slices.ts): the handlers of its contract
 * fragment, built from the services it names (a narrow interface, never the whole app), and the
 * guarded actions it runs with who may run them. Its actions authorise against these policies
 * themselves; the API only lists every slice's together.
 *
 *   export const callsSlice = { policies: CALL_POLICIES, handlers: (s: CallsServices) => ({ … }) }
 *     satisfies Slice<CallsServices, InvokeChannelsOf<typeof callsChannelNames>>
 */
export interface Slice<Services, C extends InvokeChannel> {
  readonly policies: PolicyTable
  readonly handlers: (services: Services) => HandlersOf<C>
}

/** For slices that run no guarded action (reads, settings, profiles with their own passphrase checks). */
export const NO_POLICIES = {} as const satisfies PolicyTable
