import type { pbxClockChannelNames } from '../../../src-preload/contract/pbx-clock.names'
import type { CapabilityHost } from '../runtime/capability'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import { pbxClockCapability } from './capability'

type PbxClockChannel = InvokeChannelsOf<typeof pbxClockChannelNames>

export interface PbxClockServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
}

/** The PBX's clock and zone against the profile's Time zone: a read, for every seat (it changes nothing). */
export const pbxClockSlice = {
  policies: {},
  handlers: (s: PbxClockServices): HandlersOf<PbxClockChannel> => ({
    'pbxClock.read': ({ profileId }) => s.runtimes.get(profileId).use(pbxClockCapability).read(),
  }),
} satisfies Slice<PbxClockServices, PbxClockChannel>
