/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterEach, beforeEach } from 'vitest'
import type { AppCore, AppCoreOptions } from '../../src-main/core/app/app-core'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import { FileAuditLog } from '../../src-main/core/audit'
import { startFreepbxDemoServer } from '../../src-main/core/demo-freepbx/index'
import type { PbxProfile } from '../../src-main/core/profiles'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { RENDERER_DIR, watchErrors } from './browser'
import { createTestCore } from './test-core'
import { eventually } from './wait'

export interface ConsoleHarnessOptions {
  /** Connect the built-in demo profile (id `demo`) at start; false = the core starts with no PBX. */
  readonly builtinProfile?: boolean
  readonly seed?: number
  /** Web mode's one-time setup code for the first admin passphrase (as `npm run web` prints it). */
  readonly setupCode?: string
  /** Routes the console's AMI connection through a proxy (e.g. one that loses answers). */
  readonly amiVia?: (demoAmiPort: number) => Promise<{ readonly port: number; close(): Promise<void> }>
  /** The built-in profile's seat role (default: the demo's receptionist). */
  readonly role?: 'receptionist' | 'supervisor' | 'admin'
  /** The built-in profile is read-only (every write refused in main). */
  readonly readOnly?: boolean
  /** The built-in profile's sealed supervision scope (which calls the seat may listen to and record). */
  readonly supervision?: PbxProfile['supervision']
  /** Another of the demo's AMI users (name = secret): `supervisor` has the `system` write class AstDB writes need. */
  readonly amiUser?: string
  /** Serve the demo PBX's control API over HTTP (0 = any free port; `demo.pbx.info().control`). */
  readonly controlPort?: number
  /** Apply Config's polling and time limit (tests shorten the ~120 s before "outcome unknown"). */
  readonly configApplyTiming?: AppCoreOptions['configApplyTiming']
  /** The profile's FreePBX API application may use only these scopes (a second API on the same configuration). */
  readonly freepbxScopes?: readonly string[]
}

/**
 * One console as web mode runs it, in-process: the demo PBX (no random calls: tests script every
 * call), the core on throwaway files, and the loopback web server serving the built renderer.
 */
export interface ConsoleHarness {
  readonly demo: BuiltinDemo
  readonly core: AppCore & { dataDir: string }
  readonly server: WebServer
  stop(): Promise<void>
}

export async function startConsole(options: ConsoleHarnessOptions = {}): Promise<ConsoleHarness> {
  const demo = await startBuiltinDemo({
    rate: 0,
    seed: options.seed ?? 7,
    ...(options.controlPort === undefined ? {} : { controlPort: options.controlPort }),
  })
  const withBuiltin = options.builtinProfile ?? true
  // A file log in its own folder, so the test can read it back; the core closes it with itself.
  const auditDir = mkdtempSync(join(tmpdir(), 'att-audit-'))
  const auditLog = new FileAuditLog({ dir: auditDir })
  const via = options.amiVia === undefined ? undefined : await options.amiVia(demo.builtin.profile.ami.port)
  const narrow =
    options.freepbxScopes === undefined
      ? undefined
      : await startFreepbxDemoServer({
          port: 0,
          clients: [
            {
              clientId: demo.builtin.profile.freepbx.clientId,
              clientSecret: demo.builtin.secrets.freepbx ?? '',
              allowedScopes: options.freepbxScopes,
            },
          ],
          config: demo.pbx.freepbx,
        })
  const apiAt = narrow === undefined ? demo.builtin.profile.freepbx : { ...demo.builtin.profile.freepbx, baseUrl: narrow.baseUrl }
  const routed = {
    ...demo.builtin,
    profile: { ...demo.builtin.profile, freepbx: apiAt, ...(via === undefined ? {} : { ami: { ...demo.builtin.profile.ami, port: via.port } }) },
  }
  const seat = {
    ...routed.profile.operator,
    ...(options.role === undefined ? {} : { role: options.role }),
    ...(options.readOnly === undefined ? {} : { readOnly: options.readOnly }),
  }
  const user = options.amiUser
  const builtin =
    user === undefined
      ? { ...routed, profile: { ...routed.profile, operator: seat } }
      : { profile: { ...routed.profile, operator: seat, ami: { ...routed.profile.ami, user } }, secrets: { ...routed.secrets, ami: user } }
  const core = createTestCore({
    auditLog,
    ...(options.setupCode === undefined ? {} : { setupCode: options.setupCode }),
    ...(options.configApplyTiming === undefined ? {} : { configApplyTiming: options.configApplyTiming }),
    ...(withBuiltin
      ? {
          builtinProfile:
            options.supervision === undefined ? builtin : { ...builtin, profile: { ...builtin.profile, supervision: options.supervision } },
        }
      : {}),
    appInfo: {
      name: 'Attendant',
      version: '0.1.0',
      platform: process.platform,
      mode: 'web',
      demo: withBuiltin,
      ...(withBuiltin ? { demoProfileId: demo.builtin.profile.id } : {}),
    },
  })
  await core.start()
  const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0, downloads: core.downloads })
  return {
    demo,
    core,
    server,
    stop: async () => {
      // Order matters: no client may outlive the server it talks to.
      await server.close()
      await core.close()
      await via?.close()
      await narrow?.close()
      await demo.stop()
      rmSync(core.dataDir, { recursive: true, force: true })
      rmSync(auditDir, { recursive: true, force: true })
    },
  }
}

/** A fresh console for each test of the file (started before it, stopped after it), handed to `use`. */
export function consoleForEachTest(use: (harness: ConsoleHarness) => void, options: ConsoleHarnessOptions = {}): void {
  let harness: ConsoleHarness | undefined
  beforeEach(async () => {
    harness = await startConsole(options)
    use(harness)
  })
  afterEach(async () => {
    await harness?.stop()
    harness = undefined
  })
}

/**
 * Opens the console in a fresh page and waits until the shown PBX is live. `declineNotifications`
 * answers the browser-notification question "Not now" when it is asked (its bar sits over the lamps).
 */
export async function openConsole(
  browser: Browser,
  harness: ConsoleHarness,
  opts: { waitLive?: boolean; declineNotifications?: boolean } = {},
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  // Bounded waits: a missing element fails in seconds, well inside the test's own limit.
  page.setDefaultTimeout(10_000)
  const errors = watchErrors(page)
  await page.goto(harness.server.url)
  if (opts.waitLive ?? true) await page.locator('.live-status.live-live').waitFor({ timeout: 15_000 })
  if (opts.declineNotifications === true) {
    const notNow = page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Not now' })
    if ((await notNow.count()) > 0) await notNow.click()
  }
  return { page, errors }
}

/** Screenshots the page in the light and then the dark theme, chosen as an operator does (settings.set), as <dir>/<name>-<theme>.png. */
export async function shootBothThemes(harness: ConsoleHarness, page: Page, dir: string, name: string): Promise<void> {
  mkdirSync(dir, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await harness.core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
    await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' })
    await page.screenshot({ path: join(dir, `${name}-${theme}.png`) })
  }
}

/** The demo channel ringing the phone of `exten` (PJSIP/<exten>-…), once it rings. */
export function ringingAt(demo: BuiltinDemo, exten: string): Promise<{ uniqueid: string; name: string }> {
  return eventually(`a channel ringing at ${exten}`, () => demo.pbx.engine.ringingChannels().find((c) => c.name.startsWith(`PJSIP/${exten}-`)))
}

/** Names of the demo PBX's channels right now. */
export function channelNames(demo: BuiltinDemo): string[] {
  return demo.pbx.channels().map((c) => c.name)
}
