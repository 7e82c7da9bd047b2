import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileAuditLog, MemoryAuditLog, type AuditInput, type AuditLog } from '../../../src-main/core/audit'

let dir: string
const open: FileAuditLog[] = []
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attendant-audit-'))
})
afterEach(async () => {
  for (const log of open.splice(0)) await log.close()
  rmSync(dir, { recursive: true, force: true })
})

function steppingClock(startIso = '2026-03-01T10:00:00.000Z') {
  let t = Date.parse(startIso)
  return () => new Date((t += 1000))
}

function entry(overrides: Partial<AuditInput> = {}): AuditInput {
  return { profileId: 'demo', role: 'receptionist', action: 'call.hangup', target: 'PJSIP/1001-00000001', result: 'ok', ...overrides }
}

function fileLog(options: Partial<ConstructorParameters<typeof FileAuditLog>[0]> = {}): FileAuditLog {
  const log = new FileAuditLog({ dir, now: steppingClock(), ...options })
  open.push(log)
  return log
}

const implementations: [string, () => AuditLog][] = [
  ['FileAuditLog', () => fileLog()],
  ['MemoryAuditLog', () => new MemoryAuditLog({ now: steppingClock() })],
]

describe.each(implementations)('%s contract', (_name, make) => {
  it('reads newest first, filtered by profile, limited, paged with before', async () => {
    const log = make()
    for (let i = 0; i < 6; i++) await log.append(entry({ profileId: i % 2 === 0 ? 'a' : 'b', target: `t${String(i)}` }))
    expect((await log.read({ limit: 100 })).map((e) => e.target)).toEqual(['t5', 't4', 't3', 't2', 't1', 't0'])
    expect((await log.read({ profileId: 'a', limit: 2 })).map((e) => e.target)).toEqual(['t4', 't2'])
    const page1 = await log.read({ limit: 2 })
    const page2 = await log.read({ limit: 2, before: page1.at(-1)?.time })
    expect(page2.map((e) => e.target)).toEqual(['t3', 't2'])
    await expect(log.read({ limit: 0 })).rejects.toThrow(RangeError)
  })

  it('records UTC ISO times and every field of a refusal', async () => {
    const log = make()
    const written = await log.append(
      entry({ action: 'call.originate', target: '+882 16 1234', result: 'refused', rule: 'satellite', errorCode: 'guard_refused', operator: '1001' }),
    )
    expect(written.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect((await log.read({ limit: 1 }))[0]).toEqual(written)
  })

  it('redacts secrets and clips over-long hostile targets instead of dropping the entry', async () => {
    const secret = 'Sup3r-Secret-AMI'
    const log: AuditLog = _name === 'FileAuditLog' ? fileLog({ secrets: () => [secret] }) : new MemoryAuditLog({ secrets: () => [secret] })
    await log.append(entry({ result: 'error', detail: `login failed with secret ${secret}`, target: `x${secret}` }))
    await log.append(entry({ result: 'refused', target: '9'.repeat(1000) + '\r\nAction: Command' }))
    const [long, redacted] = await log.read({ limit: 2 })
    expect(JSON.stringify(redacted)).not.toContain(secret)
    expect(redacted?.detail).toBe('login failed with secret [redacted]')
    expect(long?.target.length).toBe(256)
  })
})

describe('FileAuditLog on disk', () => {
  it('writes one JSON line per entry to an owner-only file, only ever appending', async () => {
    const log = fileLog()
    await log.append(entry({ target: 'first\nline' }))
    const before = readFileSync(log.currentPath)
    await log.append(entry({ target: 'second' }))
    const after = readFileSync(log.currentPath)
    expect(after.subarray(0, before.length).equals(before)).toBe(true)
    const lines = after.toString('utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(2)
    expect((JSON.parse(lines[0] ?? '') as { target: string }).target).toBe('first\nline')
    if (process.platform !== 'win32') expect(statSync(log.currentPath).mode & 0o777).toBe(0o600)
  })

  it('survives a restart and a torn last line from a crash', async () => {
    const first = fileLog()
    await first.append(entry({ target: 'before-crash' }))
    await first.close()
    appendFileSync(join(dir, 'audit.jsonl'), '{"time":"2026-03-01T10:0')
    const second = fileLog({ now: steppingClock('2026-03-02T00:00:00.000Z') })
    await second.append(entry({ target: 'after-crash' }))
    expect((await second.read({ limit: 10 })).map((e) => e.target)).toEqual(['after-crash', 'before-crash'])
  })

  it('serialises concurrent appends: no interleaved or lost lines', async () => {
    const log = fileLog({ fsync: false })
    await Promise.all(Array.from({ length: 300 }, (_, i) => log.append(entry({ target: `call-${String(i)}` }))))
    const lines = readFileSync(log.currentPath, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(300)
    expect(new Set(lines.map((l) => (JSON.parse(l) as { target: string }).target)).size).toBe(300)
  })

  it('rotates by size, keeps the configured number of old files untouched, and reads across them', async () => {
    const log = fileLog({ maxBytes: 1000, maxFiles: 3, fsync: false })
    for (let i = 0; i < 40; i++) await log.append(entry({ target: `n${String(i).padStart(3, '0')}` }))
    const files = readdirSync(dir).sort()
    expect(files).toEqual(['audit.000003.jsonl', 'audit.000004.jsonl', 'audit.000005.jsonl', 'audit.jsonl'])
    for (const file of files) expect(statSync(join(dir, file)).size).toBeLessThanOrEqual(1000)
    const snapshot = readFileSync(join(dir, 'audit.000004.jsonl'))
    const read = await log.read({ limit: 1000 })
    expect(read[0]?.target).toBe('n039')
    // Newest first across files, contiguous: nothing lost inside the kept window.
    const numbers = read.map((e) => Number(e.target.slice(1)))
    expect(numbers).toEqual(numbers.map((_, i) => 39 - i))
    await log.append(entry({ target: 'later' }))
    expect(readFileSync(join(dir, 'audit.000004.jsonl')).equals(snapshot)).toBe(true)
  })

  it('refuses appends after close', async () => {
    const log = fileLog()
    await log.close()
    await expect(log.append(entry())).rejects.toThrow(/closed/)
  })
})
