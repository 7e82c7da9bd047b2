/**
 * Electron's fuses for the packaged app, flipped by electron-builder's afterPack hook: after the
 * app is copied into the Electron binary's folder, before it is signed, so the OS's signature check
 * then keeps them as set (Gatekeeper on macOS, Authenticode on Windows).
 */
import { join } from 'node:path'
import { flipFuses, FuseV1Options, FuseVersion, type FuseConfig } from '@electron/fuses'

/**
 * What each fuse is set to, and why. Node's own CLI powers are off: the packaged app never runs as
 * plain Node (its database runs in a worker thread, not a forked process), and nothing legitimate
 * passes NODE_OPTIONS or --inspect to it.
 */
export const FUSES = {
  /** ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node interpreter. */
  [FuseV1Options.RunAsNode]: false,
  /** Cookies (and so the session) encrypted at rest with the OS keychain's key. */
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  /** app.asar is checked against the hash electron-builder embeds (Info.plist / the .exe's resources). */
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  /** Only app.asar is loaded: no app/ folder beside it can replace the code. */
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  /** The renderer is served from app://, never file://: file: gets no extra privileges. */
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
} as const

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface FusesPackContext {
  readonly appOutDir: string
  readonly electronPlatformName: string
  readonly packager: { readonly appInfo: { readonly productFilename: string } }
}

/** The packed Electron binary: the .app bundle on macOS, the .exe on Windows. */
export function packedBinary(context: FusesPackContext): string {
  const name = context.packager.appInfo.productFilename
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(context.appOutDir, `${name}.app`)
    case 'win32':
      return join(context.appOutDir, `${name}.exe`)
    default:
      throw new Error(`Attendant builds installers for Windows and macOS only, not for ${context.electronPlatformName}`)
  }
}

export function fuseConfig(platform: string): FuseConfig {
  return {
    version: FuseVersion.V1,
    ...FUSES,
    // Flipping changes the binary: on macOS its ad-hoc signature is renewed, so an unsigned local
    // build (arm64 refuses unsigned code) still starts; a signed build is signed right after.
    resetAdHocDarwinSignature: platform === 'darwin' || platform === 'mas',
  }
}

/**
 * electron-builder's afterPack hook. A universal macOS build calls it for the x64 and arm64 halves
 * and again for the merged app: flipping is idempotent, and the merged app is the one signed.
 */
export async function flipFusesAfterPack(context: FusesPackContext): Promise<void> {
  await flipFuses(packedBinary(context), fuseConfig(context.electronPlatformName))
}
