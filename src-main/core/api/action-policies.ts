import { authorizeIn, type Authorization, type OperatorSeat } from '../guard'
import { slices, type AnySlice, type Intersection } from './slices'

/**
 * Every guarded action of the console with who may run it, from the slices' own tables: the one
 * place to read them all. The slices' actions authorise against their own table; an action
 * declared by two slices is refused here at start, so the tables never disagree.
 */
export const ACTION_POLICY = ((): Intersection<AnySlice['policies']> => {
  const all: Partial<Record<string, unknown>> = {}
  for (const slice of slices) {
    for (const [action, policy] of Object.entries(slice.policies)) {
      if (action in all) throw new Error(`Two slices declare the action ${action}`)
      all[action] = policy
    }
  }
  return all as Intersection<AnySlice['policies']>
})()

export type GuardedAction = keyof typeof ACTION_POLICY

/** Whether this seat may run the action, by the whole console's table. */
export function authorize(action: string, subject: OperatorSeat | { operator: OperatorSeat }): Authorization {
  return authorizeIn(ACTION_POLICY, action, subject)
}
