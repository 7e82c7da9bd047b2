import type { PbxClockView } from '../../../src-preload/types/pbx-clock'
import { toActionFailure } from '../actions/action-errors'
import { ApiFailure } from '../errors/api-failure'
import { say } from '../i18n'
import { strings as clockWords } from '../../../src-preload/i18n/strings/pbx-clock'
import { strings } from './strings'
import { defineCapability } from '../runtime/capability'
import { CLOCK_FUNCTION, compareClock, parseClock } from './compare'

const t = say(strings)

/** Reads the PBX's clock on one runtime: AMI Getvar of STRFTIME (read=call or reporting suffices), nothing written. */
export const pbxClockCapability = defineCapability((d) => ({
  read: async (now: () => number = Date.now): Promise<PbxClockView> => {
    let value: string
    try {
      const answer = await d.ami.action('Getvar', [['Variable', CLOCK_FUNCTION]])
      value = answer.get('Value') ?? ''
    } catch (err) {
      throw toActionFailure(err)
    }
    const clock = parseClock(value)
    if (clock === undefined) throw new ApiFailure('pbx_error', t('unreadable'))
    return compareClock(clock, d.profile().timeZone, now(), say(clockWords))
  },
}))
