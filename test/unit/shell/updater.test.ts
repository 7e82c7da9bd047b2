import { EventEmitter } from 'node:events'
import { inEnglish } from '../../../src-preload/i18n/english'
import { strings as addressStrings } from '../../../src-preload/i18n/strings/updates'
import { describe, expect, it, vi } from 'vitest'

// The app's updater is electron-updater's autoUpdater; here a fake with the same surface.
vi.mock('electron-updater', () => ({ autoUpdater: {} }))

import {
  CHECK_EVERY_MS,
  feedUrlProblem,
  publisherNames,
  UpdateCheck,
  type UpdateCheckDeps,
  type UpdateState,
  type Updater,
} from '../../../src-main/electron/updater'

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  allowDowngrade = true
  allowPrerelease = true
  forceDevUpdateConfig = true
  feeds: unknown[] = []
  checks = 0
  fail: Error | undefined
  setFeedURL(options: unknown): void {
    this.feeds.push(options)
  }
  checkForUpdates(): Promise<null> {
    this.checks++
    return this.fail === undefined ? Promise.resolve(null) : Promise.reject(this.fail)
  }
}

const SIGNED_YML =
  'provider: generic\nurl: https://updates.attendant.invalid/\npublisherName:\n  - Example Ltd\nupdaterCacheDirName: attendant-updater\n'
const UNSIGNED_YML = 'provider: generic\nurl: https://updates.attendant.invalid/\nupdaterCacheDirName: attendant-updater\n'

function setup(over: Partial<UpdateCheckDeps> = {}, yml = SIGNED_YML) {
  const updater = new FakeUpdater()
  const states: UpdateState[] = []
  const ticks: (() => void)[] = []
  const stopped = vi.fn()
  const read = vi.fn(() => Promise.resolve(yml))
  const check = new UpdateCheck({
    updater: updater as unknown as UpdateCheckDeps['updater'],
    platform: 'win32',
    isPackaged: true,
    resourcesPath: '/app/resources',
    log: () => undefined,
    onState: (s) => states.push(s),
    read,
    now: () => new Date('2026-03-02T09:00:00Z'),
    timers: {
      every: (fn, ms) => {
        expect(ms).toBe(CHECK_EVERY_MS)
        ticks.push(fn)
        return stopped
      },
    },
    ...over,
  })
  return { updater, states, ticks, stopped, read, check }
}

const ON = { enabled: true, feedUrl: 'https://updates.example.com/attendant/' }

describe('the update check (electron-updater mocked)', () => {
  it('is off by default and asks no feed', async () => {
    const { updater, check } = setup()
    expect(check.state).toEqual({ state: 'off', reason: 'Updates are off.' })
    expect(await check.apply({ enabled: false, feedUrl: ON.feedUrl })).toEqual({ state: 'off', reason: 'Updates are off.' })
    expect(await check.apply({ enabled: true, feedUrl: null })).toMatchObject({ state: 'off' })
    expect(updater.feeds).toEqual([])
    expect(updater.checks).toBe(0)
  })

  it('turned on: downloads in the background, installs on quit, never downgrades or takes prereleases', async () => {
    const { updater, check, ticks } = setup()
    expect(updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      allowPrerelease: false,
      forceDevUpdateConfig: false,
    })
    await check.apply(ON)
    expect(updater.feeds).toEqual([{ provider: 'generic', url: ON.feedUrl }])
    expect(updater.checks).toBe(1)
    ticks[0]!()
    expect(updater.checks).toBe(2)
  })

  it('follows electron-updater’s events in words', async () => {
    const { updater, check, states } = setup()
    await check.apply(ON)
    updater.emit('update-not-available', { version: '0.1.0' })
    updater.emit('update-available', { version: '0.2.0' })
    updater.emit('update-downloaded', { version: '0.2.0' })
    updater.emit('error', new Error('sha512 checksum mismatch'))
    expect(states).toEqual([
      { state: 'checking' },
      { state: 'current', checkedAt: '2026-03-02T09:00:00.000Z' },
      { state: 'downloading', version: '0.2.0' },
      { state: 'ready', version: '0.2.0' },
      { state: 'failed', message: 'The update could not be checked or installed: sha512 checksum mismatch' },
    ])
  })

  it('a check that fails (feed unreachable) says so instead of throwing', async () => {
    const { updater, check } = setup()
    updater.fail = new Error('net::ERR_NAME_NOT_RESOLVED')
    await check.apply(ON)
    await vi.waitFor(() => {
      expect(check.state).toEqual({ state: 'failed', message: 'The update could not be checked: net::ERR_NAME_NOT_RESOLVED' })
    })
  })

  it('stays off on an unsigned Windows build: electron-updater would skip the installer’s signature check', async () => {
    const { updater, check, read } = setup({}, UNSIGNED_YML)
    expect(await check.apply(ON)).toEqual({
      state: 'off',
      reason: 'This copy of Attendant is not signed, so an update’s signature could not be checked: updates stay off.',
    })
    expect(read).toHaveBeenCalledWith(expect.stringMatching(/app-update\.yml$/))
    expect(updater.checks).toBe(0)
    const missing = setup({ read: () => Promise.reject(Object.assign(new Error('ENOENT'), { code: 'ENOENT' })) })
    expect(await missing.check.apply(ON)).toMatchObject({ state: 'off' })
  })

  it('on macOS relies on Squirrel.Mac’s code-signature check; unpackaged and other platforms stay off', async () => {
    const mac = setup({ platform: 'darwin' }, UNSIGNED_YML)
    expect((await mac.check.apply(ON)).state).not.toBe('off')
    expect(mac.read).not.toHaveBeenCalled()
    expect(await setup({ isPackaged: false }).check.apply(ON)).toEqual({
      state: 'off',
      reason: 'Updates are checked only by an installed copy of Attendant.',
    })
    expect(await setup({ platform: 'linux' }).check.apply(ON)).toMatchObject({ state: 'off' })
  })

  it('refuses a feed that is not https, carries a password or names no real server; turning off stops the timer', async () => {
    const { check, stopped, updater } = setup()
    expect(await check.apply({ enabled: true, feedUrl: 'http://updates.example.com/' })).toEqual({
      state: 'off',
      reason: 'The update address must start with https://.',
    })
    expect(await check.apply({ enabled: true, feedUrl: 'https://admin:pw@updates.example.com/' })).toMatchObject({ reason: /user name or password/ })
    expect(await check.apply({ enabled: true, feedUrl: 'https://updates.attendant.invalid/' })).toMatchObject({ reason: /no real server/ })
    expect(feedUrlProblem('updates.example.com', inEnglish(addressStrings))).toMatch(/not a web address/)
    expect(updater.checks).toBe(0)
    await check.apply(ON)
    await check.apply({ enabled: false, feedUrl: null })
    expect(stopped).toHaveBeenCalledTimes(1)
  })

  it('loads electron-updater only once updates may run, once, and reports a load that fails in words', async () => {
    const fake = new FakeUpdater()
    const load = vi.fn(() => Promise.resolve(fake as unknown as Updater))
    const { check } = setup({ updater: load })
    expect(await check.apply({ enabled: false, feedUrl: ON.feedUrl })).toMatchObject({ state: 'off' })
    expect(await check.apply({ enabled: true, feedUrl: 'http://updates.example.com/' })).toMatchObject({ state: 'off' })
    expect(load).not.toHaveBeenCalled()
    await check.apply(ON)
    await check.apply(ON)
    expect(load).toHaveBeenCalledTimes(1)
    expect(fake).toMatchObject({ autoDownload: true, allowDowngrade: false, allowPrerelease: false })
    expect(fake.feeds).toHaveLength(2)
    const broken = setup({ updater: () => Promise.reject(new Error('cannot find module')) })
    expect(await broken.check.apply(ON)).toEqual({ state: 'failed', message: 'The updater could not be started: cannot find module' })
  })

  it('checks on demand only while on, and tells every listener', async () => {
    const { check, updater } = setup()
    const heard: UpdateState[] = []
    check.subscribe((s) => heard.push(s))
    expect(check.checkNow()).toEqual({ state: 'off', reason: 'Updates are off.' })
    expect(updater.checks).toBe(0)
    await check.apply(ON)
    expect(check.checkNow()).toEqual({ state: 'checking' })
    expect(updater.checks).toBe(2)
    updater.emit('update-not-available', {})
    expect(heard.at(-1)).toEqual({ state: 'current', checkedAt: '2026-03-02T09:00:00.000Z' })
    // Two settings applied at once end with the last, one timer running.
    const { check: racing, stopped, ticks } = setup()
    await Promise.all([racing.apply(ON), racing.apply({ enabled: true, feedUrl: 'https://other.example.com/' })])
    expect(ticks).toHaveLength(2)
    expect(stopped).toHaveBeenCalledTimes(1)
  })

  it('reads the publisher names electron-builder writes, as a list or inline', () => {
    expect(publisherNames(SIGNED_YML)).toEqual(['Example Ltd'])
    expect(publisherNames("publisherName: 'Example Ltd'\n")).toEqual(['Example Ltd'])
    expect(publisherNames('publisherName:\n  - A\n  - "B C"\nnext: 1\n')).toEqual(['A', 'B C'])
    expect(publisherNames(UNSIGNED_YML)).toEqual([])
  })
})
