import { z } from 'zod'
import type { DirectoryList } from '../types/directory'
import { profileIdSchema } from '../types/profile-id'
import type { directoryChannelNames } from './directory.names'
import { channel, returns, type DomainSpec } from './spec'

const profileInput = z.strictObject({ profileId: profileIdSchema })

/**
 * A list and a `changed` event carrying the whole list, not a live collection of patches: names
 * change only when the PBX's configuration does (a Reload, an Apply), a few times a day, and a
 * whole list of 5,000 extensions is a few hundred kB once — a patch stream would add a second
 * coalescer and acks for no gain. `directory.refresh` reads the PBX again at the operator's word.
 */
export const directoryContract = {
  invoke: {
    'directory.list': channel(profileInput, returns<DirectoryList>()),
    'directory.refresh': channel(profileInput, returns<DirectoryList>()),
  },
  events: {
    'directory.changed': returns<DirectoryList>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof directoryChannelNames>
