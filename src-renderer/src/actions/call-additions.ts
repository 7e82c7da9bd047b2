import { createContext, useContext } from 'react'
import type { CallBadgeProps, CallKey, LampAction } from '../features/feature'

/** What other features add to the calls screen: keys on the selected call, entries on a lamp's menu, marks on a call. */
export interface CallAdditions {
  readonly callKeys: readonly CallKey[]
  readonly lampActions: readonly LampAction[]
  readonly callBadges?: readonly { readonly id: string; readonly Badge: React.ComponentType<CallBadgeProps> }[]
}

/**
 * Provided by the app shell from the feature list (it does not change while the app runs), so the
 * calls screen offers what a feature adds without importing that feature.
 */
export const CallAdditionsContext = createContext<CallAdditions>({ callKeys: [], lampActions: [] })

export function useCallAdditions(): CallAdditions {
  return useContext(CallAdditionsContext)
}
