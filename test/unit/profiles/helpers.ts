import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Conf from 'conf'
import { ProfileStore, RECOMMENDED_STORE_OPTIONS, builtinDemoProfile, type PbxProfile } from '../../../src-main/core/profiles'
import { FileKeySecretBox } from '../../../src-main/core/secrets'

/** Cheap scrypt for tests only; the cost is stored with the hash, so verification still follows it. */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 }
export const ADMIN = 'correct horse battery'

export interface Fixture {
  dir: string
  conf: Conf
  store: ProfileStore
  reopen: () => ProfileStore
  cleanup: () => void
}

export function makeFixture(): Fixture {
  const dir = mkdtempSync(join(tmpdir(), 'attendant-profiles-'))
  const open = () => {
    const conf = new Conf<Record<string, unknown>>({ cwd: dir, configName: 'profiles', ...RECOMMENDED_STORE_OPTIONS })
    const secrets = new FileKeySecretBox(conf, join(dir, 'secret.key'))
    return { conf, store: new ProfileStore({ kv: conf, secrets, scryptCost: TEST_COST }) }
  }
  const first = open()
  return {
    dir,
    conf: first.conf,
    store: first.store,
    reopen: () => open().store,
    cleanup: () => {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export function profile(overrides: Partial<PbxProfile> = {}): PbxProfile {
  return { ...builtinDemoProfile({ ami: 5038, ari: 8088 }), ...overrides }
}
