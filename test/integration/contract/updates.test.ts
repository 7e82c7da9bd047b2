/**
 * The desktop app's update setting (issue 20 item 4) attacked through the real dispatcher, as a
 * hostile window or socket would: the feed decides what this computer installs, so turning updates
 * on or pointing them elsewhere takes the admin passphrase (throttled), an unsafe feed is refused at
 * the edge, every attempt is audited with who and the settings before and after, and an edit of the
 * settings file behind the console's back turns updates off instead of widening what it trusts.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../../src-main/core/audit'
import { UpdateCheck, type Updater } from '../../../src-main/electron/updater'
import { openNodeStores } from '../../../src-main/web/node-stores'
import { cleanupsAfterEach } from '../../support/cleanups'
import { createTestCore } from '../../support/test-core'
import { sleep } from '../../support/wait'

const ADMIN = 'correct horse battery staple'
const SETUP_CODE = 'KMQX-R3DA-9TWC'
const FEED = 'https://updates.example.com/attendant/'
const window1 = { clientId: 'ipc-1', transport: 'ipc' as const }
const attacker = { clientId: 'web-7', transport: 'web' as const }
const cleanups = cleanupsAfterEach()

/** electron-updater's autoUpdater as the update check uses it: the feeds it was given and its checks. */
class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  allowDowngrade = true
  allowPrerelease = true
  forceDevUpdateConfig = true
  feeds: unknown[] = []
  checks = 0
  setFeedURL(options: unknown): void {
    this.feeds.push(options)
  }
  checkForUpdates(): Promise<null> {
    this.checks++
    return Promise.resolve(null)
  }
}

type Core = ReturnType<typeof createTestCore>

/** A desktop console (an installed macOS copy, its updater faked) on `dir`, past the first-run step. */
async function desktopCore(dir = mkdtempSync(join(tmpdir(), 'att-updates-')), firstRun = true) {
  const updater = new FakeUpdater()
  const check = new UpdateCheck({
    updater: () => Promise.resolve(updater as unknown as Updater),
    platform: 'darwin',
    isPackaged: true,
    resourcesPath: '/Applications/Attendant.app/Contents/Resources',
    log: () => undefined,
    timers: { every: () => () => undefined },
  })
  const core = createTestCore({ ...openNodeStores(dir, () => undefined), updates: check, setupCode: SETUP_CODE })
  cleanups.push(() => core.close())
  if (firstRun) expect(await core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, window1)).toMatchObject({ ok: true })
  await core.start()
  const pushed: unknown[] = []
  core.bus.register('watcher', {
    send: (channel, payload) => {
      if (channel === 'updates.changed') pushed.push(payload)
    },
    isBackedUp: () => false,
  })
  return { core, updater, dir, pushed }
}

async function updateLines(core: Core): Promise<AuditEntry[]> {
  const r = await core.dispatch('audit.read', { limit: 100 }, window1)
  if (!r.ok) throw new Error(r.error.message)
  return r.value.filter((e) => e.action === 'updates.set').reverse()
}

describe('the update setting through the contract', () => {
  it('is off by default and asks no feed', async () => {
    const { core, updater } = await desktopCore()
    expect(await core.dispatch('updates.status', undefined, attacker)).toMatchObject({
      ok: true,
      value: { available: true, settings: { enabled: false, feedUrl: null }, state: { state: 'off' }, changedAt: null, problem: null },
    })
    expect(updater.feeds).toEqual([])
    expect(await core.dispatch('updates.check', undefined, attacker)).toMatchObject({
      ok: true,
      value: { state: { state: 'off', reason: 'Updates are off.' } },
    })
    expect(updater.checks).toBe(0)
  })

  it('refuses a seat without the admin passphrase, and a wrong one, throttled; each attempt audited and nothing changed', async () => {
    const { core, updater } = await desktopCore()
    const on = { enabled: true, feedUrl: 'https://attacker.example.net/feed/' }
    expect(await core.dispatch('updates.set', on, attacker)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await core.dispatch('updates.set', { ...on, adminPassphrase: 'a wrong guess' }, attacker)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    // The next try waits, even with the right passphrase.
    expect(await core.dispatch('updates.set', { ...on, adminPassphrase: ADMIN }, attacker)).toMatchObject({
      ok: false,
      error: { code: 'refused', detail: { rule: 'passphrase_throttle' } },
    })
    expect(updater.feeds).toEqual([])
    expect(await core.dispatch('updates.status', undefined, attacker)).toMatchObject({ value: { settings: { enabled: false, feedUrl: null } } })
    const lines = await updateLines(core)
    expect(lines.map((e) => [e.result, e.errorCode, e.seat])).toEqual([
      ['refused', 'passphrase_required', 'web socket 7'],
      ['refused', 'passphrase_wrong', 'web socket 7'],
      ['refused', 'passphrase_throttled', 'web socket 7'],
    ])
  })

  it('refuses an http feed, one with credentials and turning on without a feed at the edge, audited in the same words', async () => {
    const { core, updater } = await desktopCore()
    const attempts = [
      { enabled: true, feedUrl: 'http://updates.example.com/attendant/' },
      { enabled: true, feedUrl: 'https://user:secret@updates.example.com/attendant/' },
      { enabled: true, feedUrl: 'https://updates.example.com/\nattendant/' },
      { enabled: true, feedUrl: null },
    ]
    const refusals: string[] = []
    for (const attempt of attempts) {
      const r = await core.dispatch('updates.set', { ...attempt, adminPassphrase: ADMIN }, attacker)
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      if (!r.ok) refusals.push(r.error.message)
    }
    expect(refusals[0]).toContain('must start with https://')
    expect(refusals[1]).toContain('must not contain a user name or password')
    expect(refusals[2]).toContain('one line')
    expect(refusals[3]).toContain('Name the update address')
    expect(updater.feeds).toEqual([])
    const lines = await updateLines(core)
    expect(lines.map((e) => [e.result, e.errorCode, e.detail])).toEqual(refusals.map((message) => ['refused', 'invalid_input', message]))
    // The password typed into the address is in no audit line.
    expect(JSON.stringify(lines)).not.toContain('secret@')
  })

  it('turned on with the passphrase: audited with who and before/after, the updater asks the feed, every window hears it', async () => {
    const { core, updater, pushed } = await desktopCore()
    const r = await core.dispatch('updates.set', { enabled: true, feedUrl: FEED, adminPassphrase: ADMIN }, window1)
    expect(r).toMatchObject({ ok: true, value: { settings: { enabled: true, feedUrl: FEED }, state: { state: 'checking' }, problem: null } })
    expect(updater.feeds).toEqual([{ provider: 'generic', url: FEED }])
    expect(updater.checks).toBe(1)
    updater.emit('update-downloaded', { version: '1.4.0' })
    await expect.poll(() => pushed.at(-1)).toMatchObject({ state: { state: 'ready', version: '1.4.0' }, settings: { feedUrl: FEED } })
    expect(await core.dispatch('updates.check', undefined, attacker)).toMatchObject({ ok: true, value: { state: { state: 'checking' } } })
    expect(updater.checks).toBe(2)
    const [line] = await updateLines(core)
    expect(line).toMatchObject({
      result: 'ok',
      seat: 'window 1',
      detail: `admin passphrase given and verified; before: off; after: on, feed ${FEED}; now checking`,
    })
    // Off again, with the passphrase: the feed is kept for next time, nothing is asked any more.
    expect(await core.dispatch('updates.set', { enabled: false, feedUrl: FEED, adminPassphrase: ADMIN }, window1)).toMatchObject({
      ok: true,
      value: { state: { state: 'off', reason: 'Updates are off.' } },
    })
    expect((await updateLines(core)).at(-1)?.detail).toContain(`before: on, feed ${FEED}; after: off (feed ${FEED} kept)`)
  })

  it('after a restart the stored setting starts the updater; an edit of the settings file turns updates off and says why', async () => {
    const first = await desktopCore()
    expect(await first.core.dispatch('updates.set', { enabled: true, feedUrl: FEED, adminPassphrase: ADMIN }, window1)).toMatchObject({ ok: true })
    await first.core.close()

    const again = await desktopCore(first.dir, false)
    expect(again.updater.feeds).toEqual([{ provider: 'generic', url: FEED }])
    await again.core.close()

    // Someone with the files, not the passphrase, points the console at their own feed.
    const file = join(first.dir, 'settings.json')
    const settings = JSON.parse(readFileSync(file, 'utf8')) as { updates: { feedUrl: string } }
    settings.updates.feedUrl = 'https://attacker.example.net/feed/'
    writeFileSync(file, JSON.stringify(settings))
    const tampered = await desktopCore(first.dir, false)
    expect(tampered.updater.feeds).toEqual([])
    expect(await tampered.core.dispatch('updates.status', undefined, attacker)).toMatchObject({
      value: {
        settings: { enabled: false, feedUrl: null },
        state: { state: 'off' },
        problem: 'The update settings were changed outside Attendant, so updates stay off until an admin saves them again.',
      },
    })
  })

  it('in web mode says updates are the desktop app’s, and refuses (audited) to change them', async () => {
    const core = createTestCore({ setupCode: SETUP_CODE })
    cleanups.push(() => core.close())
    expect(await core.dispatch('admin.setPassphrase', { next: ADMIN, setupCode: SETUP_CODE }, window1)).toMatchObject({ ok: true })
    const status = await core.dispatch('updates.status', undefined, attacker)
    expect(status).toMatchObject({ ok: true, value: { available: false, reason: expect.stringContaining('desktop app') as unknown } })
    expect(await core.dispatch('updates.set', { enabled: true, feedUrl: FEED, adminPassphrase: ADMIN }, attacker)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    })
    expect(await core.dispatch('updates.check', undefined, attacker)).toMatchObject({ ok: true, value: { available: false } })
    expect((await updateLines(core)).map((e) => e.result)).toEqual(['refused'])
    await sleep(0)
  })
})
