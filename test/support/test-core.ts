import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore, type AppCore, type AppCoreOptions } from '../../src-main/core/app/app-core'
import { DownloadRegistry } from '../../src-main/web/downloads'
import { openNodeStores } from '../../src-main/web/node-stores'

export const testAppInfo = { name: 'Attendant', version: '0.1.0', platform: 'linux', mode: 'web' as const, demo: true }

/** A full core on throwaway files, as web mode builds it. */
export function createTestCore(overrides: Partial<AppCoreOptions> = {}): AppCore & { dataDir: string; downloads: DownloadRegistry } {
  const dataDir = mkdtempSync(join(tmpdir(), 'att-core-'))
  const downloads = new DownloadRegistry()
  const core = createAppCore({ appInfo: testAppInfo, ...openNodeStores(dataDir, () => undefined), exportSink: downloads, ...overrides })
  return Object.assign(core, { dataDir, downloads })
}
