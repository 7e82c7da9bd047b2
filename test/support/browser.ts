import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { staleRendererNote } from './renderer-build'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The built renderer; ATTENDANT_RENDERER_DIR points elsewhere (see electron.vite.config.ts). */
export const RENDERER_DIR = process.env.ATTENDANT_RENDERER_DIR ?? resolve(import.meta.dirname, '../../out/renderer')

let staleNoted = false

/** Debian's Chromium, headless, with the flags this closed network needs (no background fetches). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`)
  if (!existsSync(resolve(RENDERER_DIR, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  // Said once per process: tests and benches on an old build test and measure old code.
  if (!staleNoted) {
    staleNoted = true
    const stale = staleRendererNote(RENDERER_DIR)
    if (stale !== undefined) console.warn(`warning: ${stale}`)
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/**
 * One Chromium for a whole test file: launched before its first test and closed after its last.
 * `use` receives it (a test file keeps it in its own `browser` variable).
 */
export function chromiumForFile(use: (browser: Browser) => void): void {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchChromium()
    use(browser)
  })
  afterAll(async () => {
    await browser?.close()
  })
}

/** Collects console errors and page errors so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(err.message))
  return errors
}
