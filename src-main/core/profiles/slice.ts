import type { profilesChannelNames } from '../../../src-preload/contract/profiles.names'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import type { ProfileService } from './profile-service'

type ProfilesChannel = InvokeChannelsOf<typeof profilesChannelNames>

export interface ProfilesServices {
  readonly profiles: Pick<ProfileService, 'view' | 'save' | 'test' | 'remove' | 'setAdminPassphrase'>
}

/** Profiles & admin: PBX profiles (secrets write-only), Test connection, the admin passphrase. */
export const profilesSlice = {
  // Profiles are guarded by the admin passphrase (profile-service.ts), not by a role policy.
  policies: {},
  handlers: (s: ProfilesServices): HandlersOf<ProfilesChannel> => ({
    'profiles.list': () => s.profiles.view(),
    'profiles.save': (input, ctx) => s.profiles.save(input, ctx),
    'profiles.test': (input, ctx) => s.profiles.test(input, ctx),
    'profiles.remove': (input, ctx) => s.profiles.remove(input, ctx),
    'admin.setPassphrase': (input, ctx) => s.profiles.setAdminPassphrase(input, ctx),
  }),
} satisfies Slice<ProfilesServices, ProfilesChannel>
