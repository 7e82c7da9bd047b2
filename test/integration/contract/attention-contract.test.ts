import { afterAll, describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/test-core'

const ctx = { clientId: 'ws-1', transport: 'web' as const }

describe('attention through the contract in web mode (no desktop shell)', () => {
  const core = createTestCore()
  afterAll(() => core.close())

  it('notify answers unavailable in words (the browser’s own notifications serve there); status and shell say there is no desktop', async () => {
    const notify = await core.dispatch('attention.notify', { profileId: 'demo', kind: 'ringing', title: 'Anna is calling', body: '' }, ctx)
    expect(notify).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/browser/) } })
    expect(await core.dispatch('attention.status', { connection: 'live', waiting: 1, pbx: 'Office' }, ctx)).toEqual({
      ok: true,
      value: { shown: false },
    })
    expect(await core.dispatch('attention.shell', undefined, ctx)).toEqual({
      ok: true,
      value: { desktop: false, shortcut: { accelerator: '', registered: false }, pendingDial: null },
    })
  })

  it('refuses malformed attention input before any shell sees it', async () => {
    for (const [channel, input] of [
      ['attention.notify', { profileId: 'demo', kind: 'ringing', title: '', body: '' }],
      ['attention.notify', { profileId: 'demo', kind: 'ringing', title: 'x', body: 'y', extra: 1 }],
      ['attention.status', { connection: 'live', waiting: -1, pbx: '' }],
      ['attention.status', { connection: 'bright', waiting: 0, pbx: '' }],
      ['attention.shell', { anything: true }],
    ] as const) {
      expect(await core.dispatch(channel, input, ctx), channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })

  it('keeps the attention and desktop settings with the seat’s other settings, and refuses bad ones', async () => {
    const before = await core.dispatch('settings.get', undefined, ctx)
    if (!before.ok) throw new Error('settings.get failed')
    expect(before.value.attention).toMatchObject({ notifications: true, sound: 'chime', muted: false })
    const set = await core.dispatch('settings.set', { attention: { ...before.value.attention, sound: 'bell', volume: 30, muted: true } }, ctx)
    expect(set).toMatchObject({ ok: true, value: { attention: { sound: 'bell', volume: 30, muted: true } } })
    for (const bad of [
      { attention: { ...before.value.attention, volume: 101 } },
      { attention: { ...before.value.attention, sound: 'siren' } },
      { desktop: { ...before.value.desktop, dialShortcut: 'A' } },
      { desktop: { alwaysOnTop: true } },
    ]) {
      expect(await core.dispatch('settings.set', bad, ctx)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    }
  })
})
