import { describe, expect, it, vi } from 'vitest'
import { eventChannelNames, eventChannels, invokeChannelNames, invokeChannels } from '../../../src-preload/contract'
import { ApiFailure } from '../../../src-main/core/errors/api-failure'
import { createDispatcher, type Handlers } from '../../../src-main/core/api/dispatcher'
import { MemoryKeyValueStore } from '../../../src-main/core/storage/kv'
import { createTestCore, testAppInfo } from '../../support/test-core'
import { defaultSettings } from '../../../src-preload/types/settings'

const ctx = { clientId: 'test', transport: 'web' as const }
const appInfo = testAppInfo

function core() {
  return createTestCore()
}

describe('the contract', () => {
  it('declares each channel once, and the name lists match the maps exactly', () => {
    expect(Object.keys(invokeChannels).sort()).toEqual([...invokeChannelNames].sort())
    expect(Object.keys(eventChannels).sort()).toEqual([...eventChannelNames].sort())
    expect(new Set(invokeChannelNames).size).toBe(invokeChannelNames.length)
  })

  it('every channel has a handler and every handler a channel', async () => {
    const { dispatch } = core()
    // A channel without a handler would answer `internal` (handler undefined); an unknown one `unknown_channel`.
    for (const channel of invokeChannelNames) {
      const result = await dispatch(channel, undefined, ctx)
      if (!result.ok) expect(result.error.code).toBe('invalid_input')
    }
    const { createHandlers } = await import('../../../src-main/core/api/handlers')
    const handlers = createHandlers({
      appInfo,
      settings: {} as never,
      profiles: {} as never,
      audit: {} as never,
      runtimes: {} as never,
      queuePrefs: {} as never,
      history: {} as never,
      reports: {} as never,
      phonebook: {} as never,
      webAccess: {} as never,
      updates: {} as never,
      bus: {} as never,
    })
    expect(Object.keys(handlers).sort()).toEqual([...invokeChannelNames].sort())
  })
})

describe('the dispatcher at the main-side edge', () => {
  const hostile: unknown[] = [
    null,
    42,
    'dark',
    [],
    { theme: 'neon' },
    { theme: 'dark', extra: 1 },
    { holdAlertSeconds: Number.NaN },
    { holdAlertSeconds: -5 },
    { historyRetentionDays: 1e12 },
    JSON.parse('{"__proto__": {"polluted": true}, "theme": "dark"}'),
    { theme: 'x'.repeat(1024 * 1024) },
  ]

  it.each(hostile.map((h, i) => [i, h]))('malformed input #%i → invalid_input, nothing thrown, nothing changed', async (_i, input) => {
    const { dispatch } = core()
    const before = await dispatch('settings.get', undefined, ctx)
    const result = await dispatch('settings.set', input, ctx)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await dispatch('settings.get', undefined, ctx)).toEqual(before)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses input on channels that take none', async () => {
    const { dispatch } = core()
    expect(await dispatch('app.info', { sneaky: true }, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('answers unknown channels with unknown_channel', async () => {
    const { dispatch } = core()
    for (const name of ['nope', '__proto__', 'constructor', 42, null]) {
      expect(await dispatch(name as string, undefined, ctx)).toMatchObject({ ok: false, error: { code: 'unknown_channel' } })
    }
  })

  it('labels handler failures: ApiFailure keeps its code, anything else is internal without detail', async () => {
    const onInternal = vi.fn()
    const handlers = {
      'app.info': () => {
        throw new ApiFailure('unavailable', 'PBX is down', { transport: 'ami' })
      },
      'settings.get': () => {
        throw new Error('secret stack detail')
      },
      'settings.set': () => Promise.reject(new Error('boom')),
    } as unknown as Handlers
    const dispatch = createDispatcher(handlers, onInternal)
    expect(await dispatch('app.info', undefined, ctx)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'PBX is down', detail: { transport: 'ami' } },
    })
    const internal = await dispatch('settings.get', undefined, ctx)
    expect(internal).toEqual({ ok: false, error: { code: 'internal', message: 'Unexpected error in the main process' } })
    expect(JSON.stringify(internal)).not.toContain('secret stack detail')
    expect(await dispatch('settings.set', {}, ctx)).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(onInternal).toHaveBeenCalledTimes(2)
  })

  it('settings round-trip and push settings.changed to subscribers', async () => {
    const c = core()
    const seen: unknown[] = []
    c.bus.register('t', { send: (channel, payload) => seen.push([channel, payload]), isBackedUp: () => false })
    const r = await c.dispatch('settings.set', { theme: 'dark', holdAlertSeconds: 90 }, ctx)
    expect(r).toMatchObject({ ok: true, value: { theme: 'dark', holdAlertSeconds: 90 } })
    expect(seen).toEqual([['settings.changed', expect.objectContaining({ theme: 'dark' })]])
  })
})

describe('settings persistence', () => {
  it('keeps valid fields of a hand-edited file and defaults the rest', async () => {
    const kv = new MemoryKeyValueStore()
    kv.set('settings', { theme: 'dark', holdAlertSeconds: 'lots', historyRetentionDays: 30, bogus: true })
    const c = createTestCore({ settingsStore: kv })
    const r = await c.dispatch('settings.get', undefined, ctx)
    expect(r).toEqual({ ok: true, value: { ...defaultSettings, theme: 'dark', historyRetentionDays: 30 } })
  })
})
