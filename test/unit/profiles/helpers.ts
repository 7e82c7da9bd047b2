import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { ProfileStore, RECOMMENDED_STORE_OPTIONS, builtinDemoProfile, type PbxProfile } from '../../../src-main/core/profiles'
import { PassphraseThrottle } from '../../../src-main/core/profiles/passphrase-throttle'
import { FileKeySecretBox } from '../../../src-main/core/secrets'

/** Cheap scrypt for tests only; the cost is stored with the hash, so verification still follows it. */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 }
export const ADMIN = 'correct horse battery'

export interface Fixture {
  dir: string
  conf: Conf
  secrets: FileKeySecretBox
  store: ProfileStore
  reopen: () => ProfileStore
  /** Moves the passphrase throttle's clock past any wait (a test's wrong guess then a right one). */
  later: () => void
  cleanup: () => void
}

export function makeFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'attendant-profiles-'))
  let clock = 0
  const throttle = new PassphraseThrottle({ now: () => clock })
  const open = () => {
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'profiles', ...RECOMMENDED_STORE_OPTIONS })
    const secrets = new FileKeySecretBox(conf, join(dir, 'secret.key'))
    return { conf, secrets, store: new ProfileStore({ kv: conf, secrets, scryptCost: TEST_COST, throttle }) }
  }
  const first = open()
  return {
    dir,
    conf: first.conf,
    secrets: first.secrets,
    store: first.store,
    reopen: () => open().store,
    later: () => {
      clock += 3_600_000
    },
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function profile(overrides: Partial<PbxProfile> = {}): PbxProfile {
  return { ...builtinDemoProfile({ ami: 5038, ari: 8088 }), ...overrides }
}
