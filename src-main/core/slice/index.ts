export type { CallContext, Dispatch, Handler, Handlers, HandlersOf, InvokeChannelsOf } from './handler'
export { NO_POLICIES, type Slice } from './slice'
