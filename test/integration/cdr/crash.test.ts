import { spawn } from 'node:child_process'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openCdrStore } from '../../../src-main/core/cdr/index'
import { rec, tempDbFile } from './helpers'

const here = path.dirname(fileURLToPath(import.meta.url))

describe('crash in the middle of a batch', () => {
  it('SIGKILL mid-batch leaves only whole batches; ingest then resumes to exactly one row per CDR', async () => {
    const t = tempDbFile()
    const BATCH = 20_000
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-child.ts'), t.file, String(BATCH), '4'], {
      cwd: path.resolve(here, '../../..'),
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    const seen: string[] = []
    const killed = new Promise<void>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout })
      lines.on('line', (line) => {
        seen.push(line)
        // Two batches committed, the third one half written: kill the process with its worker.
        if (line.startsWith('progress 2 ')) child.kill('SIGKILL')
      })
      child.on('exit', (code, signal) => {
        if (signal === 'SIGKILL') resolve()
        else reject(new Error(`child ended without being killed (code ${String(code)}): ${seen.join(' | ')}`))
      })
    })
    await killed
    expect(seen).toContain('committed 1')
    expect(seen).not.toContain('committed 2')

    // The file opens (quick_check runs at open), and holds exactly the two committed batches.
    const store = await openCdrStore({ file: t.file })
    expect((await store.stats('pbx-a')).rows).toBe(2 * BATCH)
    const db = new Database(t.file, { readonly: true })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()

    // Resume by re-sending everything: the committed rows are recognised, the rest added.
    let inserted = 0
    for (let b = 0; b < 4; b++) {
      const res = await store.ingest(
        'pbx-a',
        Array.from({ length: BATCH }, (_, j) => rec(b * BATCH + j)),
        { timeZone: 'UTC' },
      )
      inserted += res.inserted
    }
    expect(inserted).toBe(2 * BATCH)
    expect((await store.stats('pbx-a')).rows).toBe(4 * BATCH)
    // The search index matches the table after the crash: rows of the lost batch are findable once.
    expect((await store.search({ profileId: 'pbx-a' }, `+4930${String(100000 + 2 * BATCH + 5)}`)).rows).toHaveLength(1)
    await store.close()
    t.cleanup()
  }, 120_000)

  it('a worker that dies rejects the call in flight and the next call starts a new worker', async () => {
    const t = tempDbFile()
    const store = await openCdrStore({ file: t.file, workerUrl: new URL('./dying-worker.ts', import.meta.url) })
    await expect(store.ingest('pbx-a', [rec(1)], { timeZone: 'UTC' })).rejects.toMatchObject({ code: 'worker-exited' })
    await expect(store.stats('pbx-a')).rejects.toMatchObject({ code: 'worker-exited' })
    await store.close()
    await expect(store.stats('pbx-a')).rejects.toMatchObject({ code: 'closed' })
    t.cleanup()
  })
})
