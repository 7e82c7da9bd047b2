import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', async () => (await import('../../support/electron-mock')).makeElectronMock())

import { minimatch } from 'minimatch'
import pkg from '../../../package.json'
import { builderConfig, PROTOCOL_SCHEMES } from '../../../electron-builder.config'
import { flipFusesAfterPack } from '../../../scripts/packaging/fuses'
import { DIAL_SCHEMES } from '../../../src-main/electron/dial-links'

// electron-builder's own validation (its JSON schema, as `electron-builder` runs it before a build).
const require = createRequire(import.meta.url)
const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  validateConfiguration: (config: unknown, logger: unknown) => Promise<void>
}
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }

/** Whether electron-builder's `files` patterns ship a path: the last matching pattern decides. */
function shipped(patterns: readonly string[], path: string): boolean {
  let included = false
  for (const p of patterns) {
    if (p.startsWith('!')) {
      if (minimatch(path, p.slice(1), { dot: true })) included = false
    } else if (minimatch(path, p, { dot: true })) included = true
  }
  return included
}

describe('electron-builder configuration', () => {
  it('passes electron-builder’s own schema validation, which refuses a misspelled option', async () => {
    await expect(validateConfiguration(builderConfig({}), new DebugLogger(false))).resolves.toBeUndefined()
    const wrong = { ...builderConfig({}), nsis: { ...builderConfig({}).nsis, perMachien: true } }
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/)
  })

  it('builds an assisted NSIS installer that offers per-user or per-machine installation', () => {
    const c = builderConfig({})
    expect(c.win?.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }])
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: true, deleteAppDataOnUninstall: false })
  })

  it('builds a universal, hardened macOS DMG (and the zip the updater downloads) with only the JIT entitlement', () => {
    const c = builderConfig({})
    expect(c.mac?.target).toEqual([
      { target: 'dmg', arch: ['universal'] },
      { target: 'zip', arch: ['universal'] },
    ])
    expect(c.mac).toMatchObject({ hardenedRuntime: true, entitlements: 'resources/entitlements.mac.plist' })
    expect(c.mac?.entitlementsInherit).toBe(c.mac?.entitlements)
    const plist = readFileSync(new URL('../../../resources/entitlements.mac.plist', import.meta.url), 'utf8')
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit'])
  })

  it('notarises only when Apple’s credentials are in the environment, and never writes a secret into the config', () => {
    expect(builderConfig({}).mac?.notarize).toBe(false)
    expect(builderConfig({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw-123', APPLE_TEAM_ID: 'T1' }).mac?.notarize).toBe(true)
    expect(builderConfig({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'K1', APPLE_API_ISSUER: 'I1' }).mac?.notarize).toBe(true)
    expect(builderConfig({ APPLE_KEYCHAIN: 'kc', APPLE_KEYCHAIN_PROFILE: 'p' }).mac?.notarize).toBe(true)
    // Half a set of credentials does not notarise (and does not fail the build half-way).
    expect(builderConfig({ APPLE_ID: 'a@b.c' }).mac?.notarize).toBe(false)
    const env = { APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'pw-123', APPLE_TEAM_ID: 'T1', CSC_KEY_PASSWORD: 'cert-pw-456' }
    const text = JSON.stringify(builderConfig(env))
    expect(text).not.toContain('pw-123')
    expect(text).not.toContain('cert-pw-456')
  })

  it('registers tel:, sip: and callto: — the schemes the running app handles', () => {
    expect(PROTOCOL_SCHEMES).toEqual(DIAL_SCHEMES)
    expect(builderConfig({}).protocols).toEqual([{ name: 'Telephone link', schemes: ['tel', 'sip', 'callto'], role: 'Viewer' }])
  })

  it('packs the app into an ASAR (native addons unpacked) and flips the fuses after packing', () => {
    const c = builderConfig({})
    expect(c.asar).toBe(true)
    expect(c.asarUnpack).toEqual(['**/*.node'])
    expect(c.afterPack).toBe(flipFusesAfterPack)
    // The ASAR integrity hash electron-builder embeds is what the integrity fuse checks: not disabled.
    expect(c.disableAsarIntegrity).toBeUndefined()
  })

  it('ships the built app only: no sources, tests, benchmarks, web mode or source maps', () => {
    const files = builderConfig({}).files as string[]
    for (const path of [
      'package.json',
      'out/main/main.js',
      'out/main/cdr-worker.js',
      'out/main/chunks/a.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
    ]) {
      expect(shipped(files, path), path).toBe(true)
    }
    for (const path of [
      'out/main/main.js.map',
      'out/renderer/assets/index.js.map',
      'out/web/web.js',
      'src-main/main.ts',
      'src-renderer/src/app/App.tsx',
      'test/unit/packaging/builder-config.test.ts',
      'bench/ami/run.ts',
      'scripts/screenshots.ts',
      'electron-builder.config.ts',
      'docs/ARCHITECTURE.md',
    ]) {
      expect(shipped(files, path), path).toBe(false)
    }
  })

  it('rebuilds better-sqlite3 for Electron’s ABI while packaging (it is a production dependency, so it is packed and rebuilt)', () => {
    const c = builderConfig({})
    expect(c.npmRebuild).toBe(true)
    expect(c.nativeRebuilder).toBe('sequential')
    expect(c.buildDependenciesFromSource).toBe(false)
    expect(Object.keys(pkg.dependencies)).toContain('better-sqlite3')
    expect(Object.keys(pkg.devDependencies)).not.toContain('better-sqlite3')
    expect(pkg.scripts['dist:win']).toMatch(/electron-builder --win --config electron-builder\.config\.ts --publish never/)
    expect(pkg.scripts['dist:mac']).toMatch(/electron-builder --mac --config electron-builder\.config\.ts --publish never/)
    // Back to Node's ABI afterwards, for the tests and web mode.
    expect(pkg.scripts['dist:mac']).toMatch(/&& npm rebuild better-sqlite3$/)
  })

  it('checks updates’ signatures: Windows against the publisher from the environment; the built-in feed address resolves nowhere', () => {
    expect(builderConfig({}).win?.verifyUpdateCodeSignature).toBe(true)
    expect(builderConfig({}).win?.signtoolOptions).toBeUndefined()
    expect(builderConfig({ ATTENDANT_WIN_PUBLISHER: ' Example Ltd ' }).win?.signtoolOptions).toEqual({ publisherName: 'Example Ltd' })
    expect(builderConfig({}).publish).toEqual([{ provider: 'generic', url: 'https://updates.attendant.invalid/' }])
    expect(Object.keys(pkg.dependencies)).toContain('electron-updater')
  })
})
