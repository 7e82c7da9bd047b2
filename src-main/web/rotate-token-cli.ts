import { FileAuditLog } from '../core/audit'
import { securePrivateDir } from '../core/storage/private-files'
import { rotateAccess } from './access-token'
import { join } from 'node:path'

/**
 * `node out/web/web.js --rotate-token [--data-dir DIR]` (or `npm run web:rotate-token`): a new
 * access token for the data folder, audited like Admin's rotation. A console running on that folder
 * notices within a second and closes the pages opened with the old link; the next start prints the
 * new link too.
 */
export async function rotateTokenFromCommandLine(dataDir: string, print: (line: string) => void = console.log): Promise<string> {
  securePrivateDir(dataDir)
  const next = rotateAccess(dataDir)
  const audit = new FileAuditLog({ dir: join(dataDir, 'audit') })
  try {
    await audit.append({
      profileId: '-',
      role: 'system',
      action: 'web.rotateToken',
      target: '',
      result: 'ok',
      detail: 'web link replaced from the command line: the old one no longer opens the console',
    })
  } finally {
    await audit.close()
  }
  const port = next.port ?? 5173
  const url = `http://127.0.0.1:${String(port)}/?token=${next.token}`
  print('The web link was replaced; the old one no longer opens the console.')
  print(next.port === undefined ? `New link (port ${String(port)} unless you start with another --port):` : 'New link:')
  print(url)
  return url
}
