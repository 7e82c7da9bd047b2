import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { FileKeySecretBox, MemoryKeyValueBackend, SecretBoxError, secretStorageKey } from '../../../src-main/core/secrets'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'attendant-secrets-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('FileKeySecretBox', () => {
  it('round-trips a secret through a conf file without the plaintext ever touching the file', async () => {
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configFileMode: 0o600 })
    const box = new FileKeySecretBox(conf, join(dir, 'keys', 'secret.key'))
    expect(box.isAvailable()).toEqual({ ok: true, backend: 'file-key' })
    await box.put('pbx:demo:ami', 'S3cr3t-Ami-Passw0rd')
    expect(await box.get('pbx:demo:ami')).toBe('S3cr3t-Ami-Passw0rd')
    expect(await box.has('pbx:demo:ami')).toBe(true)
    expect(readFileSync(conf.path, 'utf8')).not.toContain('S3cr3t')
    // A second box over the same files (an app restart) reads it back.
    const reopened = new FileKeySecretBox(new Conf<Record<string, unknown>>({ cwd: dir }), join(dir, 'keys', 'secret.key'))
    expect(await reopened.get('pbx:demo:ami')).toBe('S3cr3t-Ami-Passw0rd')
    await reopened.delete('pbx:demo:ami')
    expect(await reopened.has('pbx:demo:ami')).toBe(false)
    expect(await reopened.get('pbx:demo:ami')).toBeUndefined()
  })

  it('creates the key file with mode 0600 and 32 random bytes', () => {
    const keyPath = join(dir, 'k.key')
    new FileKeySecretBox(new MemoryKeyValueBackend(), keyPath)
    const stat = statSync(keyPath)
    if (process.platform !== 'win32') expect(stat.mode & 0o777).toBe(0o600)
    expect(stat.size).toBe(32)
    const other = join(dir, 'k2.key')
    new FileKeySecretBox(new MemoryKeyValueBackend(), other)
    expect(readFileSync(other).equals(readFileSync(keyPath))).toBe(false)
  })

  it.skipIf(process.platform === 'win32')('refuses a key file readable by others', async () => {
    const keyPath = join(dir, 'k.key')
    new FileKeySecretBox(new MemoryKeyValueBackend(), keyPath)
    chmodSync(keyPath, 0o644)
    const box = new FileKeySecretBox(new MemoryKeyValueBackend(), keyPath)
    const status = box.isAvailable()
    expect(status.ok).toBe(false)
    expect(status.reason).toMatch(/readable or writable by other users/)
    await expect(box.put('x', 'value')).rejects.toMatchObject({ code: 'insecure_key_file' })
  })

  it('refuses a key file of the wrong size', () => {
    const keyPath = join(dir, 'short.key')
    writeFileSync(keyPath, 'short', { mode: 0o600 })
    expect(new FileKeySecretBox(new MemoryKeyValueBackend(), keyPath).isAvailable().ok).toBe(false)
  })

  it('uses a fresh IV per secret: the same value stored twice gives different ciphertexts', async () => {
    const kv = new MemoryKeyValueBackend()
    const box = new FileKeySecretBox(kv, join(dir, 'k.key'))
    await box.put('a', 'same')
    await box.put('b', 'same')
    expect(kv.get(secretStorageKey('a'))).not.toEqual(kv.get(secretStorageKey('b')))
  })

  it('rejects a tampered ciphertext, tag or IV, and a ciphertext moved to another name', async () => {
    const kv = new MemoryKeyValueBackend()
    const box = new FileKeySecretBox(kv, join(dir, 'k.key'))
    await box.put('pbx:one:ami', 'topsecret-value')
    const envelope = kv.get(secretStorageKey('pbx:one:ami'))
    if (typeof envelope !== 'string') throw new Error('expected a string envelope')
    const [prefix, iv, tag, ct] = envelope.split('.') as [string, string, string, string]
    const flip = (b64: string): string => {
      const bytes = Buffer.from(b64, 'base64')
      bytes[0] = (bytes[0] ?? 0) ^ 0x01
      return bytes.toString('base64')
    }
    for (const bad of [
      [prefix, iv, tag, flip(ct)].join('.'),
      [prefix, iv, flip(tag), ct].join('.'),
      [prefix, flip(iv), tag, ct].join('.'),
      'garbage',
      42,
    ]) {
      kv.set(secretStorageKey('pbx:one:ami'), bad)
      const error = await box.get('pbx:one:ami').then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error).toBeInstanceOf(SecretBoxError)
      expect((error as SecretBoxError).code).toBe('tampered')
      expect((error as SecretBoxError).message).not.toContain('topsecret')
    }
    kv.set(secretStorageKey('pbx:two:ami'), envelope)
    await expect(box.get('pbx:two:ami')).rejects.toMatchObject({ code: 'tampered' })
  })

  it('rejects a key from another installation', async () => {
    const kv = new MemoryKeyValueBackend()
    await new FileKeySecretBox(kv, join(dir, 'one.key')).put('s', 'value-1')
    await expect(new FileKeySecretBox(kv, join(dir, 'two.key')).get('s')).rejects.toMatchObject({ code: 'tampered' })
  })

  it('validates names and values', async () => {
    const box = new FileKeySecretBox(new MemoryKeyValueBackend(), join(dir, 'k.key'))
    await expect(box.put('has.dot', 'v')).rejects.toMatchObject({ code: 'invalid_name' })
    await expect(box.put('', 'v')).rejects.toMatchObject({ code: 'invalid_name' })
    await expect(box.put('ok', '')).rejects.toMatchObject({ code: 'invalid_secret' })
  })
})
