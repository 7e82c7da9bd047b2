import type { webAccessChannelNames } from '../../../src-preload/contract/web-access.names'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import type { WebAccessService } from './service'

type WebAccessChannel = InvokeChannelsOf<typeof webAccessChannelNames>

export interface WebAccessServices {
  readonly webAccess: Pick<WebAccessService, 'link' | 'rotate'>
}

/** Web mode's access link: shown in Admin, replaced there with the admin passphrase. */
export const webAccessSlice = {
  // Guarded by the admin passphrase (ProfileService.asAdmin), not by a seat role.
  policies: {},
  handlers: (s: WebAccessServices): HandlersOf<WebAccessChannel> => ({
    'webAccess.link': () => s.webAccess.link(),
    'webAccess.rotate': (input, ctx) => s.webAccess.rotate(input, ctx),
  }),
} satisfies Slice<WebAccessServices, WebAccessChannel>
