import { join } from 'node:path'
import { app, safeStorage } from 'electron'
import ElectronStore from 'electron-store'
import type { AppCoreOptions } from '../core/app/app-core'
import { FileAuditLog } from '../core/audit'
import { openStoreWithRecovery, RECOMMENDED_STORE_OPTIONS } from '../core/profiles'
import { SafeStorageSecretBox } from '../core/secrets'

type Stores = Pick<AppCoreOptions, 'settingsStore' | 'profileStore' | 'secretBox' | 'auditLog' | 'cdrFile'>

/**
 * The desktop stores: electron-store files in the user-data folder, secrets encrypted with the OS
 * keychain through safeStorage (refused on Linux's basic_text backend unless the user accepts
 * plain storage after a warning), the audit log beside them.
 */
export function openElectronStores(log: (message: string) => void, acceptPlainStorage = false): Stores {
  const dir = app.getPath('userData')
  const open = (name: string) => {
    const { kv, recovered } = openStoreWithRecovery(
      () => new ElectronStore<Record<string, unknown>>({ name, ...RECOMMENDED_STORE_OPTIONS }),
      join(dir, `${name}.json`),
    )
    if (recovered !== undefined) log(recovered.reason)
    return kv
  }
  return {
    settingsStore: open('settings'),
    profileStore: open('profiles'),
    secretBox: new SafeStorageSecretBox(open('secrets'), safeStorage, { acceptPlainStorage, platform: process.platform }),
    auditLog: new FileAuditLog({ dir: join(dir, 'audit') }),
    cdrFile: join(dir, 'history.sqlite'),
  }
}
