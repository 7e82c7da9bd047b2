import { join } from 'node:path'
import { app, safeStorage } from 'electron'
import ElectronStore from 'electron-store'
import type { AppCoreOptions } from '../core/app/app-core'
import { FileAuditLog } from '../core/audit'
import { openStoreWithRecovery, RECOMMENDED_STORE_OPTIONS } from '../core/profiles'
import { SafeStorageSecretBox } from '../core/secrets'
import type { KeyValueStore } from '../core/storage/kv'
import { describeTightened, ensurePrivateFile, securePrivateDir } from '../core/storage/private-files'

/** Where the window's size, place and zoom are kept (window-state.ts): its own small file. */
export function openWindowStore(log: (message: string) => void): KeyValueStore {
  const dir = app.getPath('userData')
  const { kv, recovered } = openStoreWithRecovery(
    () => new ElectronStore<Record<string, unknown>>({ name: 'window-state', ...RECOMMENDED_STORE_OPTIONS }),
    join(dir, 'window-state.json'),
  )
  if (recovered !== undefined) log(recovered.reason)
  return kv
}

type Stores = Pick<AppCoreOptions, 'settingsStore' | 'profileStore' | 'secretBox' | 'auditLog' | 'cdrFile'>

/**
 * The desktop stores: electron-store files in the user-data folder, secrets encrypted with the OS
 * keychain through safeStorage (refused on Linux's basic_text backend unless the user accepts
 * plain storage after a warning), the audit log beside them. The user-data folder and everything
 * in it are owner-only: made so here, before anything is opened (files of earlier versions too).
 */
export function openElectronStores(log: (message: string) => void, acceptPlainStorage = false): Stores {
  const dir = app.getPath('userData')
  const tightened = securePrivateDir(dir)
  if (tightened.length > 0) log(describeTightened(dir, tightened))
  const cdrFile = join(dir, 'history.sqlite')
  ensurePrivateFile(cdrFile)
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
    cdrFile,
  }
}
