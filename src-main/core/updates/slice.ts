import type { updatesChannelNames } from '../../../src-preload/contract/updates.names'
import { NO_POLICIES, type HandlersOf, type InvokeChannelsOf, type Slice } from '../slice'
import type { UpdatesService } from './service'

type UpdatesChannel = InvokeChannelsOf<typeof updatesChannelNames>

export interface UpdatesServices {
  readonly updates: Pick<UpdatesService, 'status' | 'set' | 'check'>
}

/** The desktop app's updates: shown in Admin, changed there with the admin passphrase. */
export const updatesSlice = {
  // Guarded by the admin passphrase (ProfileService.asAdmin), not by a seat role: the setting is the console's, not a PBX's.
  policies: NO_POLICIES,
  handlers: (s: UpdatesServices): HandlersOf<UpdatesChannel> => ({
    'updates.status': () => s.updates.status(),
    'updates.set': (input, ctx) => s.updates.set(input, ctx),
    'updates.check': () => s.updates.check(),
  }),
} satisfies Slice<UpdatesServices, UpdatesChannel>
