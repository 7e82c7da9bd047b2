import type { TestConnectionView } from '../types/connections'
import {
  adminSetPassphraseInputSchema,
  profileRemoveInputSchema,
  profileSaveInputSchema,
  profileTestInputSchema,
  type PbxProfile,
  type ProfilesView,
} from '../types/profile'
import type { profilesChannelNames } from './profiles.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const profilesContract = {
  invoke: {
    'profiles.list': channel(noInput, returns<ProfilesView>()),
    'profiles.save': channel(profileSaveInputSchema, returns<PbxProfile>()),
    /** Before saving: does each transport connect, authenticate and allow what the console needs? */
    'profiles.test': channel(profileTestInputSchema, returns<TestConnectionView>()),
    'profiles.remove': channel(profileRemoveInputSchema, returns<null>()),
    /** The first passphrase only from the first-run step (desktop window, or web mode's setup code). */
    'admin.setPassphrase': channel(adminSetPassphraseInputSchema, returns<null>()),
  },
  events: {
    'profiles.changed': returns<ProfilesView>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof profilesChannelNames>
