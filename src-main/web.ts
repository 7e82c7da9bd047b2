/**
 * Web mode: the same core and the same contract handlers as the desktop app, served to a browser
 * over a loopback HTTP + WebSocket server. `npm run web [-- --port N] [-- --data-dir DIR]`.
 * Prints the page's URL (with the data folder's access token, kept across restarts so a bookmark
 * keeps working) on a line of its own and, while no admin
 * passphrase exists, the one-time setup code a browser needs to set the first one (first-run step):
 * whoever reads this terminal is the local user; a socket that merely reached the port is not.
 * `--rotate-token` replaces the token (a console running on the folder drops the old one) and exits.
 */
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createAppCore } from './core/app/app-core'
import { startBuiltinDemo, type BuiltinDemo } from './core/app/builtin-demo'
import { newSetupCode } from './core/profiles/first-run'
import { parseArgs, portArg } from './web/cli-args'
import { preferPort } from './web/free-port'
import { DownloadRegistry } from './web/downloads'
import { openNodeStores } from './web/node-stores'
import { restrictNewFiles } from './core/storage/private-files'
import { startWebServer } from './web/web-server'
import { AccessKeeper } from './web/access-keeper'
import { loadOrCreateAccess } from './web/access-token'
import { rotateTokenFromCommandLine } from './web/rotate-token-cli'

const DEFAULT_PORT = 5173

async function main(): Promise<void> {
  // Before anything is written: whatever this process creates is its user's alone.
  restrictNewFiles()
  const args = parseArgs(process.argv.slice(2))
  const here = fileURLToPath(new URL('.', import.meta.url))
  const rendererDir = resolve(here, '../renderer')
  const dataArg = args.get('data-dir')
  const dataDir = typeof dataArg === 'string' ? resolve(dataArg) : join(homedir(), '.config', 'attendant-web')
  if (args.get('rotate-token') === true) {
    await rotateTokenFromCommandLine(dataDir)
    return
  }
  const requested = portArg(args, 'port', -1)
  const port = requested >= 0 ? requested : await preferPort(DEFAULT_PORT)

  const stores = openNodeStores(dataDir)
  // The data folder's own token: the link printed last time (and bookmarked) opens this run too.
  const access = AccessKeeper.forDataDir(dataDir, loadOrCreateAccess(dataDir))
  // The demo PBX is the default: it runs unless real profiles exist or --no-demo is given.
  const hasProfiles = stores.profileStore.get('profiles') !== undefined
  const wantDemo = args.get('demo') === true || (!hasProfiles && args.get('no-demo') === undefined)
  const demo: BuiltinDemo | undefined = wantDemo ? await startBuiltinDemo({ amiUser: 'attendant' }) : undefined
  const downloads = new DownloadRegistry()
  // A fresh code every run; it is spent once the first passphrase is set.
  const setupCode = newSetupCode()
  const core = createAppCore({
    ...stores,
    setupCode,
    webAccess: access,
    exportSink: downloads,
    ...(demo === undefined ? {} : { builtinProfile: demo.builtin }),
    appInfo: {
      name: 'Attendant',
      version: process.env.npm_package_version ?? '0.1.0',
      platform: process.platform,
      mode: 'web',
      demo: demo !== undefined,
      ...(demo === undefined ? {} : { demoProfileId: demo.builtin.profile.id }),
    },
    log: (message, err) => {
      console.error(message, err)
    },
  })
  await core.start()
  const server = await startWebServer({ core, rendererDir, port, downloads, access })
  const stopWatching = access.watch()
  console.log(server.url)
  if (!(await core.profiles.view()).hasAdminPassphrase) {
    console.log('First run: in Admin, set the admin passphrase with this one-time setup code:')
    console.log(setupCode)
  }

  const stop = (): void => {
    stopWatching()
    void server
      .close()
      .then(() => core.close())
      .then(() => demo?.stop())
      .then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
