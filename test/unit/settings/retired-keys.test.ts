import { describe, expect, it } from 'vitest'
import { SettingsService } from '../../../src-main/core/settings/settings-service'
import { MemoryKeyValueStore } from '../../../src-main/core/storage/kv'
import { settingsPatchSchema } from '../../../src-preload/types/settings'

const stored = (value: unknown): SettingsService => {
  const kv = new MemoryKeyValueStore()
  kv.set('settings', value)
  return new SettingsService(kv, () => undefined)
}

const oldAttention = { notifications: false, sound: 'bell', muted: true, volume: 30, waitAlertSeconds: 45, queueAlertCallers: 5, parkWarnSeconds: 30 }

describe('settings written before the wait alert became the ring alert', () => {
  it('load with every other attention setting kept (the strict schema would have dropped them all for the retired key)', () => {
    const s = stored({ theme: 'dark', ringAlertSeconds: 25, attention: oldAttention }).get()
    expect(s.attention).toEqual({ notifications: false, sound: 'bell', muted: true, volume: 30, queueAlertCallers: 5, parkWarnSeconds: 30 })
    // The ring alert the operator set is the one idea of ringing too long; the retired value is not taken over it.
    expect(s.ringAlertSeconds).toBe(25)
    expect(s.theme).toBe('dark')
  })

  it('a file that never set the ring alert takes the wait alert’s value when it fits its range, else the default', () => {
    expect(stored({ attention: { ...oldAttention, waitAlertSeconds: 40 } }).get().ringAlertSeconds).toBe(40)
    expect(stored({ attention: { ...oldAttention, waitAlertSeconds: 3000 } }).get().ringAlertSeconds).toBe(20)
  })

  it('the retired key is refused if a window sends it', () => {
    expect(settingsPatchSchema.safeParse({ attention: { ...oldAttention } }).success).toBe(false)
  })
})
