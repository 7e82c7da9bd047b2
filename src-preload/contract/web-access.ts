import { webAccessRotateInputSchema, type WebAccessView } from '../types/web-access'
import type { webAccessChannelNames } from './web-access.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const webAccessContract = {
  invoke: {
    'webAccess.link': channel(noInput, returns<WebAccessView>()),
    /** A new token: the old link stops working and every socket opened with it is closed. Needs the admin passphrase. */
    'webAccess.rotate': channel(webAccessRotateInputSchema, returns<WebAccessView>()),
  },
  events: {},
  notify: {},
} as const satisfies DomainSpec<typeof webAccessChannelNames>
