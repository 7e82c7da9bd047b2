import type { ActionDone } from '../../../../src-preload/types/actions'
import type { Result } from '../../../../src-preload/types/result'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { bridge } from '../../bridge/current'
import { tr } from '../../i18n'
import { useLiveStore } from '../../stores/live-store'
import { useToastStore } from '../../stores/toast-store'
import type { AddOn } from '../feature'
import { ringingExtensionsOf, ringsAt } from './ringing-extensions'
import { strings } from './strings'

const t = tr(strings)

/**
 * Takes the call ringing at `extension` to the operator's own phone. Main checks that it is an
 * extension of the PBX ringing now, and says in words when it is not.
 */
function pickUp(extension: string): void {
  whenActionsOn(() => {
    const profileId = useLiveStore.getState().profileId
    if (profileId === null) return
    const pending: Promise<Result<ActionDone>> = bridge().invoke('pickup.directed', { profileId, extension })
    void runAction(pending)
  })
}

/**
 * Directed pickup: G on the selected call, or "Pick up" on a ringing lamp's menu, answers a call
 * ringing at another extension at the operator's phone (the phone rings first, as for a dial).
 */
export const directedPickup: AddOn = {
  id: 'pickup',
  get label() {
    return t('label')
  },
  callKeys: [
    {
      key: 'g',
      keys: 'G',
      get does() {
        return t('key.pickUp')
      },
      run: (call, state) => {
        const where = ringingExtensionsOf(call, state)
        const [only] = where
        if (only !== undefined && where.length === 1) pickUp(only)
        else if (where.length === 0) useToastStore.getState().replace('pickup-where', 'warn', t('notRinging'))
        else useToastStore.getState().replace('pickup-where', 'warn', t('ringsAtSeveral', { extensions: where.join(', ') }))
      },
    },
  ],
  lampActions: [
    {
      label: (ext) => t('lampAction', { extension: ext.id }),
      offered: ringsAt,
      run: pickUp,
    },
  ],
  // Read when the feature list is built (at start, in the language then shown).
  actionWords: {
    get 'call.pickup.directed'() {
      return t('actionWord')
    },
  },
}
