import { describe, expect, it } from 'vitest'
import { MemoryKeyValueBackend, SafeStorageSecretBox, secretStorageKey, type SafeStorageLike } from '../../../src-main/core/secrets'

/** A stand-in for Electron's safeStorage: reversible with a private key, like the real thing. */
function fakeSafeStorage(options: { available: boolean; backend?: string }): SafeStorageLike & { calls: number } {
  const key = 0x5a
  const fake = {
    calls: 0,
    isEncryptionAvailable: () => options.available,
    encryptString(plain: string): Buffer {
      if (!options.available) throw new Error('Encryption is not available.')
      fake.calls++
      return Buffer.concat([Buffer.from('v10'), Buffer.from(plain, 'utf8').map((b) => b ^ key)])
    },
    decryptString(encrypted: Buffer): string {
      if (encrypted.subarray(0, 3).toString() !== 'v10')
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.')
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ key)).toString('utf8')
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  }
  return fake
}

describe('SafeStorageSecretBox', () => {
  it('round-trips through the keychain and stores no plaintext', async () => {
    const kv = new MemoryKeyValueBackend()
    const box = new SafeStorageSecretBox(kv, fakeSafeStorage({ available: true }), { platform: 'linux' })
    expect(box.isAvailable()).toEqual({ ok: true, backend: 'gnome_libsecret' })
    await box.put('pbx:a:ari', 'ari-password-123')
    expect(JSON.stringify(kv.get(secretStorageKey('pbx:a:ari')))).not.toContain('ari-password-123')
    expect(await box.get('pbx:a:ari')).toBe('ari-password-123')
  })

  it('names the platform keychain on macOS and Windows', () => {
    const ss = fakeSafeStorage({ available: true })
    expect(new SafeStorageSecretBox(new MemoryKeyValueBackend(), ss, { platform: 'darwin' }).isAvailable().backend).toBe('keychain')
    expect(new SafeStorageSecretBox(new MemoryKeyValueBackend(), ss, { platform: 'win32' }).isAvailable().backend).toBe('dpapi')
  })

  it('refuses to store when encryption is unavailable', async () => {
    const kv = new MemoryKeyValueBackend()
    const box = new SafeStorageSecretBox(kv, fakeSafeStorage({ available: false }), { platform: 'linux' })
    const status = box.isAvailable()
    expect(status.ok).toBe(false)
    expect(status.reason).toMatch(/no encryption/)
    await expect(box.put('pbx:a:ami', 'pw-unavailable')).rejects.toMatchObject({ code: 'unavailable' })
    expect(await box.has('pbx:a:ami')).toBe(false)
  })

  it("refuses Linux's basic_text backend unless plain storage was accepted", async () => {
    const ss = fakeSafeStorage({ available: true, backend: 'basic_text' })
    const refusing = new SafeStorageSecretBox(new MemoryKeyValueBackend(), ss, { platform: 'linux' })
    expect(refusing.isAvailable()).toMatchObject({ ok: false, backend: 'basic_text' })
    await expect(refusing.put('pbx:a:ami', 'pw')).rejects.toMatchObject({ code: 'unavailable' })
    expect(ss.calls).toBe(0)

    const accepting = new SafeStorageSecretBox(new MemoryKeyValueBackend(), ss, { platform: 'linux', acceptPlainStorage: true })
    expect(accepting.isAvailable()).toMatchObject({ ok: true, backend: 'basic_text' })
    await accepting.put('pbx:a:ami', 'pw')
    expect(await accepting.get('pbx:a:ami')).toBe('pw')
  })

  it('stores plain only after acceptance, and stops reading plain entries when acceptance is withdrawn', async () => {
    const kv = new MemoryKeyValueBackend()
    const accepted = new SafeStorageSecretBox(kv, fakeSafeStorage({ available: false }), { platform: 'linux', acceptPlainStorage: true })
    expect(accepted.isAvailable()).toMatchObject({ ok: true, backend: 'plain' })
    await accepted.put('pbx:a:ami', 'plain-pw')
    expect(await accepted.get('pbx:a:ami')).toBe('plain-pw')
    const withdrawn = new SafeStorageSecretBox(kv, fakeSafeStorage({ available: false }), { platform: 'linux' })
    await expect(withdrawn.get('pbx:a:ami')).rejects.toMatchObject({ code: 'plain_storage_not_accepted' })
  })

  it('rejects tampered envelopes and envelopes swapped between names', async () => {
    const kv = new MemoryKeyValueBackend()
    const box = new SafeStorageSecretBox(kv, fakeSafeStorage({ available: true }), { platform: 'linux' })
    await box.put('pbx:a:ami', 'secret-a')
    await box.put('pbx:b:ami', 'secret-b')
    kv.set(secretStorageKey('pbx:a:ami'), kv.get(secretStorageKey('pbx:b:ami')))
    await expect(box.get('pbx:a:ami')).rejects.toMatchObject({ code: 'tampered' })
    kv.set(secretStorageKey('pbx:a:ami'), 'ss1.' + Buffer.from('junk').toString('base64'))
    await expect(box.get('pbx:a:ami')).rejects.toMatchObject({ code: 'tampered' })
    kv.set(secretStorageKey('pbx:a:ami'), 'unknown-format')
    await expect(box.get('pbx:a:ami')).rejects.toMatchObject({ code: 'tampered' })
  })
})
