import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileAuditLog } from '../../../src-main/core/audit'
import { createTestCore } from '../../support/test-core'

describe('closing the core', () => {
  it('closes the audit log it was given, after everything that may still audit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'att-close-'))
    try {
      const auditLog = new FileAuditLog({ dir })
      const core = createTestCore({ auditLog })
      await core.start()
      await auditLog.append({ profileId: 'demo', role: 'system', action: 'test.before-close', target: '', result: 'ok' })
      await core.close()
      await expect(auditLog.append({ profileId: 'demo', role: 'system', action: 'test.after-close', target: '', result: 'ok' })).rejects.toThrow(
        /closed/,
      )
      // Closing twice is harmless (a shell may close on several exit paths).
      await expect(auditLog.close()).resolves.toBeUndefined()
      rmSync(core.dataDir, { recursive: true, force: true })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
