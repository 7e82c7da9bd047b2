import { join } from 'node:path'
import Conf from 'conf'
import { FileAuditLog } from '../core/audit'
import { openStoreWithRecovery, RECOMMENDED_STORE_OPTIONS } from '../core/profiles'
import { FileKeySecretBox } from '../core/secrets'
import { describeTightened, ensurePrivateFile, securePrivateDir } from '../core/storage/private-files'
import type { AppCoreOptions } from '../core/app/app-core'

type Stores = Pick<AppCoreOptions, 'settingsStore' | 'profileStore' | 'secretBox' | 'auditLog' | 'cdrFile'>

/**
 * The plain-Node twins of the desktop stores (web mode, tests, scripts): conf files in `dataDir`,
 * secrets under an AES-256-GCM key file readable only by this user, the audit log beside them.
 * The folder and everything in it are owner-only: made so here, before anything is opened (files
 * of earlier versions included, so a backup of an invalid file is private too).
 */
export function openNodeStores(dataDir: string, log: (message: string) => void = console.warn): Stores {
  const tightened = securePrivateDir(dataDir)
  if (tightened.length > 0) log(describeTightened(dataDir, tightened))
  const cdrFile = join(dataDir, 'history.sqlite')
  ensurePrivateFile(cdrFile)
  const conf = (configName: string) => () =>
    new Conf<Record<string, unknown>>({ projectName: 'attendant', cwd: dataDir, configName, ...RECOMMENDED_STORE_OPTIONS })
  const open = (configName: string) => {
    const { kv, recovered } = openStoreWithRecovery(conf(configName), join(dataDir, `${configName}.json`))
    if (recovered !== undefined) log(recovered.reason)
    return kv
  }
  return {
    settingsStore: open('settings'),
    profileStore: open('profiles'),
    secretBox: new FileKeySecretBox(open('secrets'), join(dataDir, 'secret.key')),
    auditLog: new FileAuditLog({ dir: join(dataDir, 'audit') }),
    cdrFile,
  }
}
