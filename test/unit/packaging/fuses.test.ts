import { describe, expect, it, vi } from 'vitest'

vi.mock('@electron/fuses', async (original) => ({
  ...(await original<typeof import('@electron/fuses')>()),
  flipFuses: vi.fn(() => Promise.resolve(1)),
}))

import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses'
import { flipFusesAfterPack } from '../../../scripts/packaging/fuses'

const context = (platform: string, appOutDir = '/build/out') => ({
  appOutDir,
  electronPlatformName: platform,
  packager: { appInfo: { productFilename: 'Attendant' } },
})

describe('afterPack: Electron fuses', () => {
  it('flips the fuses of the macOS app bundle: no RunAsNode, encrypted cookies, ASAR integrity, ASAR only', async () => {
    vi.mocked(flipFuses).mockClear()
    await flipFusesAfterPack(context('darwin', '/build/mac-universal'))
    expect(flipFuses).toHaveBeenCalledTimes(1)
    const [path, config] = vi.mocked(flipFuses).mock.calls[0]!
    expect(path).toBe('/build/mac-universal/Attendant.app')
    expect(config).toMatchObject({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    })
  })

  it('flips the Windows executable, without touching a macOS signature', async () => {
    vi.mocked(flipFuses).mockClear()
    await flipFusesAfterPack(context('win32', 'C:/build/win-unpacked'))
    const [path, config] = vi.mocked(flipFuses).mock.calls[0]!
    expect(path.replaceAll('\\', '/')).toBe('C:/build/win-unpacked/Attendant.exe')
    expect(config.resetAdHocDarwinSignature).toBe(false)
    expect(config[FuseV1Options.RunAsNode]).toBe(false)
  })

  it('sets every fuse this @electron/fuses knows, so none is left at Electron’s default by omission', async () => {
    vi.mocked(flipFuses).mockClear()
    await flipFusesAfterPack(context('darwin'))
    const config = vi.mocked(flipFuses).mock.calls[0]![1] as unknown as Record<string, unknown>
    const known = Object.values(FuseV1Options).filter((v) => typeof v === 'number')
    for (const fuse of known) expect(typeof config[fuse], FuseV1Options[fuse]).toBe('boolean')
  })

  it('refuses a platform it builds no installer for, in words, instead of flipping nothing', async () => {
    vi.mocked(flipFuses).mockClear()
    await expect(flipFusesAfterPack(context('linux'))).rejects.toThrow(/Windows and macOS only, not for linux/)
    expect(flipFuses).not.toHaveBeenCalled()
  })
})
