/**
 * Screenshots of every view in light and dark, for looking at what we build:
 * `npx tsx scripts/screenshots.ts [outDir]` (needs `npm run build` and Debian's Chromium).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createTestCore } from '../test/support/test-core'
import { startWebServer } from '../src-main/web/web-server'
import { launchChromium, RENDERER_DIR } from '../test/support/browser'

const outDir = resolve(process.argv[2] ?? mkdtempSync(join(tmpdir(), 'att-shots-')))
mkdirSync(outDir, { recursive: true })
const core = createTestCore()
const server = await startWebServer({ core, rendererDir: RENDERER_DIR, port: 0 })
const browser = await launchChromium()
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
await page.goto(server.url)
for (const theme of ['light', 'dark'] as const) {
  await core.dispatch('settings.set', { theme }, { clientId: 'shots', transport: 'web' })
  for (const view of ['Calls', 'Queues', 'History', 'Admin', 'Settings']) {
    await page.getByRole('button', { name: view, exact: true }).click()
    await page.waitForTimeout(150)
    await page.screenshot({ path: join(outDir, `${view.toLowerCase()}-${theme}.png`) })
  }
}
await browser.close()
await server.close()
console.log(outDir)
