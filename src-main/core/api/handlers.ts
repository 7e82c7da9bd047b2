import type { AppInfo } from '../../../src-preload/types/settings'
import type { AuditLog } from '../audit'
import type { HistoryService } from '../cdr/history-service'
import type { ProfileService } from '../profiles/profile-service'
import type { RuntimeManager } from '../runtime/runtime-manager'
import { changeSettings } from '../settings/settings-change'
import type { SettingsService } from '../settings/settings-service'
import type { Handlers } from './dispatcher'

/** The services the contract's handlers are implemented with; composed in `app/app-core.ts`. */
export interface ApiServices {
  readonly appInfo: AppInfo
  readonly settings: SettingsService
  readonly profiles: ProfileService
  readonly audit: AuditLog
  readonly runtimes: RuntimeManager
  readonly history: HistoryService
}

/** One function per contract channel. Inputs arrive already validated by the dispatcher. */
export function createHandlers(s: ApiServices): Handlers {
  return {
    'app.info': () => s.appInfo,
    'settings.get': () => s.settings.get(),
    'settings.set': (input, ctx) => changeSettings(s, input, ctx),
    'profiles.list': () => s.profiles.view(),
    'profiles.save': (input, ctx) => s.profiles.save(input, ctx),
    'profiles.test': (input, ctx) => s.profiles.test(input, ctx),
    'profiles.remove': (input, ctx) => s.profiles.remove(input, ctx),
    'admin.setPassphrase': (input, ctx) => s.profiles.setAdminPassphrase(input, ctx),
    'audit.read': (query) => s.audit.read(query),
    'connections.list': () => s.runtimes.statuses(),
    'live.subscribe': ({ profileId }, ctx) => {
      s.runtimes.subscribe(ctx.clientId, profileId)
      return null
    },
    'calls.hangup': ({ profileId, channelId }, ctx) => s.runtimes.get(profileId).calls.hangup(channelId, ctx),
    'calls.transfer': ({ profileId, channelId, destination, mode, confirmEmergency }, ctx) => {
      const calls = s.runtimes.get(profileId).calls
      if (mode === 'voicemail') return calls.transferToVoicemail(channelId, destination, ctx)
      if (mode === 'attended') return calls.attendedTransfer(channelId, destination, confirmEmergency, ctx)
      return calls.blindTransfer(channelId, destination, confirmEmergency, ctx)
    },
    'calls.transferComplete': ({ profileId, channelId }, ctx) => s.runtimes.get(profileId).calls.completeTransfer(channelId, ctx),
    'calls.transferCancel': ({ profileId, channelId }, ctx) => s.runtimes.get(profileId).calls.cancelTransfer(channelId, ctx),
    'calls.originate': ({ profileId, destination, confirmEmergency }, ctx) =>
      s.runtimes.get(profileId).calls.originate(destination, confirmEmergency, ctx),
    'calls.park': ({ profileId, channelId }, ctx) => s.runtimes.get(profileId).calls.park(channelId, ctx),
    'calls.pickup': ({ profileId, space }, ctx) => s.runtimes.get(profileId).calls.pickupParked(space, ctx),
    'queues.pause': ({ profileId, queue, iface, paused, reason }, ctx) =>
      s.runtimes.get(profileId).queues.pause(queue, iface, paused, reason, ctx),
    'history.query': ({ filter, sort, order, limit, cursor, search }) =>
      s.history.query(filter, { sort, order, limit, cursor: cursor ?? null, search }),
    'history.aggregate': ({ filter, bucket }) => s.history.aggregate(filter, bucket),
    'history.stats': ({ profileId }) => s.history.stats(profileId),
    'history.export': ({ filter }) => s.history.export(filter),
    'history.retentionPreview': ({ days }) => s.history.retentionPreview(days),
  }
}
