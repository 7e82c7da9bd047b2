import { beforeEach, describe, expect, it } from 'vitest'
import type { Bridge } from '../../../src-renderer/src/bridge/bridge'
import { setBridge } from '../../../src-renderer/src/bridge/current'
import { useAppStore } from '../../../src-renderer/src/stores/app-store'
import { defaultSettings, type Settings } from '../../../src-preload/types/settings'

/** A bridge whose settings.set answers when the test says so, with success or a refusal. */
function fakeBridge(): { bridge: Bridge; answer: (ok: boolean) => void } {
  let pending: ((ok: boolean) => void) | null = null
  const bridge = {
    invoke: (channel: string, input?: unknown) =>
      new Promise((resolve) => {
        if (channel !== 'settings.set') throw new Error(`unexpected ${channel}`)
        pending = (ok) => {
          resolve(
            ok
              ? { ok: true, value: { ...useAppStore.getState().settings, ...(input as Partial<Settings>) } }
              : { ok: false, error: { code: 'invalid_input', message: 'refused by main' } },
          )
        }
      }),
    notify: () => undefined,
    on: () => () => undefined,
    onLinkChange: () => () => undefined,
    linkState: 'open',
  } as unknown as Bridge
  return {
    bridge,
    answer: (ok) => {
      pending?.(ok)
    },
  }
}

describe('app store: settings changes', () => {
  beforeEach(() => {
    useAppStore.setState({ settings: { ...defaultSettings, theme: 'light' }, lastError: null })
  })

  it('shows a change at once, before main has answered, and keeps it when main stores it', async () => {
    const { bridge, answer } = fakeBridge()
    setBridge(bridge)
    const done = useAppStore.getState().updateSettings({ theme: 'dark' })
    expect(useAppStore.getState().settings?.theme).toBe('dark')
    answer(true)
    await done
    expect(useAppStore.getState().settings?.theme).toBe('dark')
    expect(useAppStore.getState().lastError).toBeNull()
  })

  it('rolls back only what a refused change touched and shows why', async () => {
    const { bridge, answer } = fakeBridge()
    setBridge(bridge)
    const done = useAppStore.getState().updateSettings({ holdAlertSeconds: 5 })
    expect(useAppStore.getState().settings?.holdAlertSeconds).toBe(5)
    // Another window changed the theme meanwhile (settings.changed).
    useAppStore.getState().applySettings({ ...(useAppStore.getState().settings as Settings), theme: 'dark' })
    answer(false)
    await done
    expect(useAppStore.getState().settings).toMatchObject({ holdAlertSeconds: defaultSettings.holdAlertSeconds, theme: 'dark' })
    expect(useAppStore.getState().lastError?.message).toBe('refused by main')
  })
})
