import type { directoryChannelNames } from '../../../src-preload/contract/directory.names'
import type { DirectoryList } from '../../../src-preload/types/directory'
import type { CapabilityHost } from '../runtime/capability'
import { type HandlersOf, type InvokeChannelsOf, NO_POLICIES, type Slice } from '../slice'
import { directoryCapability } from './capability'
import type { Directory } from './directory'

type DirectoryChannel = InvokeChannelsOf<typeof directoryChannelNames>

export interface DirectoryServices {
  /** The running profile (`not_found` when it is not connected). */
  readonly runtimes: { get(profileId: string): CapabilityHost }
  /** A changed directory goes to every window: each keeps the directories of the profiles it shows. */
  readonly bus: { publish(channel: 'directory.changed', payload: DirectoryList): void }
}

/**
 * The directory: reading names is no operator action (nothing reaches the PBX but reads, and the
 * lamps show the same extensions), so it runs no guarded action and needs no policy.
 */
export const directorySlice = {
  policies: NO_POLICIES,
  handlers: (s: DirectoryServices): HandlersOf<DirectoryChannel> => {
    // Each runtime's directory is announced once; a restarted runtime brings a new one.
    const announced = new WeakSet<Directory>()
    const directoryOf = (profileId: string): Directory => {
      const directory = s.runtimes.get(profileId).use(directoryCapability)
      if (!announced.has(directory)) {
        announced.add(directory)
        directory.onChange((list) => {
          s.bus.publish('directory.changed', list)
        })
      }
      return directory
    }
    return {
      'directory.list': ({ profileId }) => directoryOf(profileId).list(),
      'directory.refresh': ({ profileId }) => directoryOf(profileId).refresh(),
    }
  },
} satisfies Slice<DirectoryServices, DirectoryChannel>
