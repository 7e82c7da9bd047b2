import type { AppInfo } from '../../../src-preload/types/settings'
import type { AuditLog } from '../audit'
import type { ProfileService } from '../profiles/profile-service'
import type { SettingsService } from '../settings/settings-service'
import type { Handlers } from './dispatcher'

/** The services the contract's handlers are implemented with; composed in `app/app-core.ts`. */
export interface ApiServices {
  readonly appInfo: AppInfo
  readonly settings: SettingsService
  readonly profiles: ProfileService
  readonly audit: AuditLog
}

/** One function per contract channel. Inputs arrive already validated by the dispatcher. */
export function createHandlers(s: ApiServices): Handlers {
  return {
    'app.info': () => s.appInfo,
    'settings.get': () => s.settings.get(),
    'settings.set': (patch) => s.settings.update(patch),
    'profiles.list': () => s.profiles.view(),
    'profiles.save': (input) => s.profiles.save(input),
    'profiles.remove': ({ id }) => s.profiles.remove(id),
    'admin.setPassphrase': ({ next, current }) => s.profiles.setAdminPassphrase(next, current),
    'audit.read': (query) => s.audit.read(query),
  }
}
