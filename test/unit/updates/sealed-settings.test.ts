import { describe, expect, it } from 'vitest'
import type { SecretBox } from '../../../src-main/core/secrets/secret-box'
import { MemoryKeyValueStore } from '../../../src-main/core/storage/kv'
import { SealedUpdateSettings, UPDATES_KEY } from '../../../src-main/core/updates/sealed-settings'

/** The SecretBox's surface over a map (the OS keychain in the app). */
function memoryBox(): SecretBox & { readonly map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    isAvailable: () => ({ ok: true, backend: 'memory' }),
    put: (name, secret) => Promise.resolve(void map.set(name, secret)),
    get: (name) => Promise.resolve(map.get(name)),
    has: (name) => Promise.resolve(map.has(name)),
    delete: (name) => Promise.resolve(void map.delete(name)),
  }
}

const ON = { enabled: true, feedUrl: 'https://updates.example.com/attendant/' }
const NOW = new Date('2026-03-02T09:00:00Z')
const TAMPERED = { settings: { enabled: false, feedUrl: null }, problem: expect.stringContaining('changed outside Attendant') as unknown }

function setup() {
  const kv = new MemoryKeyValueStore()
  const box = memoryBox()
  let admin = true
  const store = new SealedUpdateSettings(kv, box, () => Promise.resolve(admin))
  return { kv, box, store, dropAdmin: () => (admin = false) }
}

describe('the sealed update setting', () => {
  it('is off when never saved, and reads back what an admin saved', async () => {
    const { store } = setup()
    expect(await store.read()).toEqual({ settings: { enabled: false, feedUrl: null }, changedAt: null, problem: null })
    await store.write(ON, NOW)
    expect(await store.read()).toEqual({ settings: ON, changedAt: NOW.toISOString(), problem: null })
  })

  it('turns updates off when the file was edited: another feed, turned on, a changed date, a broken shape', async () => {
    for (const edit of [
      (r: Record<string, unknown>) => ({ ...r, feedUrl: 'https://attacker.example.net/' }),
      (r: Record<string, unknown>) => ({ ...r, changedAt: '2030-01-01T00:00:00.000Z' }),
      (r: Record<string, unknown>) => ({ ...r, seal: 42 }),
      () => 'on',
    ]) {
      const { kv, store } = setup()
      await store.write(ON, NOW)
      kv.set(UPDATES_KEY, edit(kv.get(UPDATES_KEY) as Record<string, unknown>))
      expect(await store.read()).toMatchObject(TAMPERED)
    }
    const { kv, store } = setup()
    await store.write({ enabled: false, feedUrl: ON.feedUrl }, NOW)
    kv.set(UPDATES_KEY, { ...(kv.get(UPDATES_KEY) as object), enabled: true })
    expect(await store.read()).toMatchObject(TAMPERED)
  })

  it('turns updates off when the seal key or the admin passphrase record is gone', async () => {
    const noKey = setup()
    await noKey.store.write(ON, NOW)
    noKey.box.map.clear()
    expect(await noKey.store.read()).toMatchObject(TAMPERED)
    const noAdmin = setup()
    await noAdmin.store.write(ON, NOW)
    noAdmin.dropAdmin()
    expect(await noAdmin.store.read()).toMatchObject(TAMPERED)
  })
})
