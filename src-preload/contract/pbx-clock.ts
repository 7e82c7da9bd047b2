import { pbxClockReadInputSchema, type PbxClockView } from '../types/pbx-clock'
import type { pbxClockChannelNames } from './pbx-clock.names'
import { channel, returns, type DomainSpec } from './spec'

export const pbxClockContract = {
  invoke: {
    /** Asks the running PBX for its clock (AMI Getvar of STRFTIME, which any console user may read). */
    'pbxClock.read': channel(pbxClockReadInputSchema, returns<PbxClockView>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof pbxClockChannelNames>
