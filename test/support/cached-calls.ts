import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCdrStore } from '../../src-main/core/cdr'
import { rec, utcWall } from '../integration/cdr/helpers'

const DAY = 86_400_000

/**
 * A call-history cache file holding finished calls of profile `profileId` that started the given
 * numbers of days ago (one call per entry), for tests of the retention.
 */
export async function cacheWithCallsAged(profileId: string, daysAgo: readonly number[]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'att-cdr-')), 'history.sqlite')
  const store = await openCdrStore({ file })
  const now = Date.now()
  const records = daysAgo.map((days, i) => {
    const start = now - days * DAY - i * 60_000
    return rec(i, { uniqueid: `aged-${String(i)}`, start: utcWall(start), answer: utcWall(start + 2000), end: utcWall(start + 62_000) })
  })
  await store.ingest(profileId, records, { timeZone: 'UTC' })
  await store.close()
  return file
}
