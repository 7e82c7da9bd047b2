/**
 * How the desktop installers are built (electron-builder): `npm run dist:win` (NSIS, per user or per
 * machine) and `npm run dist:mac` (a universal DMG, plus the zip the macOS updater needs). A typed
 * .ts config, so the compiler checks every option name; test/unit/packaging validates it against
 * electron-builder's own schema and checks what it promises (fuses, protocols, the files shipped).
 *
 * Nothing secret lives here. Signing and notarisation read the environment at build time:
 * - Windows: CSC_LINK / CSC_KEY_PASSWORD (the code-signing certificate); ATTENDANT_WIN_PUBLISHER, the
 *   certificate's subject name, which the updater compares every downloaded installer with.
 * - macOS: CSC_LINK / CSC_KEY_PASSWORD (Developer ID Application), and for notarisation either
 *   APPLE_API_KEY + APPLE_API_KEY_ID + APPLE_API_ISSUER, or APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD +
 *   APPLE_TEAM_ID, or APPLE_KEYCHAIN + APPLE_KEYCHAIN_PROFILE.
 */
import type { Configuration } from 'electron-builder'
import { flipFusesAfterPack } from './scripts/packaging/fuses'

/** The link schemes the installers register (the running app registers the same: src-main/electron/dial-links.ts). */
export const PROTOCOL_SCHEMES = ['tel', 'sip', 'callto'] as const

/**
 * Where electron-builder writes the generic update feed's address into app-update.yml. The app never
 * reads it: the feed is the admin's setting (off by default), handed to the updater at run time. A
 * reserved name that never resolves, so a build cannot quietly trust a real host.
 */
const UNUSED_FEED = 'https://updates.attendant.invalid/'

/** Notarise only when the environment carries Apple's credentials (one of the three ways). */
function notarisationCredentials(env: NodeJS.ProcessEnv): boolean {
  const has = (...names: string[]): boolean => names.every((n) => (env[n] ?? '') !== '')
  return (
    has('APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER') ||
    has('APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID') ||
    has('APPLE_KEYCHAIN', 'APPLE_KEYCHAIN_PROFILE')
  )
}

export function builderConfig(env: NodeJS.ProcessEnv = process.env): Configuration {
  const publisher = env.ATTENDANT_WIN_PUBLISHER?.trim()
  return {
    appId: 'org.attendant.console',
    productName: 'Attendant',
    copyright: 'Attendant contributors',
    directories: { output: 'dist', buildResources: 'resources' },
    // Only what the app runs: electron-vite's main, preload and renderer bundles (not web mode's
    // server, not sources, tests, benchmarks or source maps). Production dependencies are added by
    // electron-builder itself, with its default exclusions (their tests, docs, type declarations).
    files: ['package.json', 'out/main/**/*', 'out/preload/**/*', 'out/renderer/**/*', '!**/*.map'],
    asar: true,
    // better-sqlite3's addon must be a real file on disk to be loaded; the rest stays in the archive.
    asarUnpack: ['**/*.node'],
    // Native dependencies (better-sqlite3) rebuilt for this Electron's ABI while packaging, through
    // @electron/rebuild, for each architecture packed (x64 and arm64 of the universal macOS app).
    npmRebuild: true,
    nativeRebuilder: 'sequential',
    buildDependenciesFromSource: false,
    afterPack: flipFusesAfterPack,
    protocols: [{ name: 'Telephone link', schemes: [...PROTOCOL_SCHEMES], role: 'Viewer' }],
    // app-update.yml and latest*.yml are generated for a generic feed; see UNUSED_FEED.
    publish: [{ provider: 'generic', url: UNUSED_FEED }],
    win: {
      target: [{ target: 'nsis', arch: ['x64', 'arm64'] }],
      icon: 'resources/icon.png',
      // The updater installs a download only if it is signed by this publisher.
      verifyUpdateCodeSignature: true,
      ...(publisher === undefined || publisher === '' ? {} : { signtoolOptions: { publisherName: publisher } }),
    },
    nsis: {
      // An assisted installer that asks: just for me (no administrator needed) or for everyone.
      oneClick: false,
      perMachine: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Attendant',
      // The operator's history cache and profiles survive an uninstall and a reinstall.
      deleteAppDataOnUninstall: false,
      artifactName: 'Attendant-Setup-${version}-${arch}.${ext}',
    },
    mac: {
      // DMG for the first install; the zip is what the macOS updater (Squirrel.Mac) downloads.
      target: [
        { target: 'dmg', arch: ['universal'] },
        { target: 'zip', arch: ['universal'] },
      ],
      category: 'public.app-category.business',
      icon: 'resources/icon.png',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'resources/entitlements.mac.plist',
      entitlementsInherit: 'resources/entitlements.mac.plist',
      notarize: notarisationCredentials(env),
      darkModeSupport: true,
      minimumSystemVersion: '12.0',
    },
    dmg: {
      artifactName: 'Attendant-${version}-${arch}.${ext}',
      writeUpdateInfo: false,
    },
  }
}

export default builderConfig()
