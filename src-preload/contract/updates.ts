import { updatesSetInputSchema, type UpdatesView } from '../types/updates'
import type { updatesChannelNames } from './updates.names'
import { channel, noInput, returns, type DomainSpec } from './spec'

export const updatesContract = {
  invoke: {
    /** The settings in force and where updating stands; in web mode, that there is no updater. */
    'updates.status': channel(noInput, returns<UpdatesView>()),
    /** Turns updates on or off and names the feed (https, no credentials). Needs the admin passphrase. */
    'updates.set': channel(updatesSetInputSchema, returns<UpdatesView>()),
    /** Asks the feed now (only when updates are on); the answer comes as updates.changed too. */
    'updates.check': channel(noInput, returns<UpdatesView>()),
  },
  events: {
    /** The state moved (checking, current, downloading, ready, failed) or an admin changed the settings. */
    'updates.changed': returns<UpdatesView>(),
  },
  notify: {},
} as const satisfies DomainSpec<typeof updatesChannelNames>
