/**
 * CPU profiles of the measurement window (`--profile DIR`): the console's main process through
 * node:inspector, the renderer through the page's DevTools session. Open them in Chrome DevTools
 * (Performance → Load profile) or any .cpuprofile viewer.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'

export interface RunningProfiles {
  save(dir: string): Promise<void>
}

export async function startProfiles(page: CDPSession): Promise<RunningProfiles> {
  const main = new Session()
  main.connect()
  await main.post('Profiler.enable')
  await main.post('Profiler.start')
  await page.send('Profiler.enable')
  await page.send('Profiler.start')
  return {
    async save(dir) {
      mkdirSync(dir, { recursive: true })
      const m = await main.post('Profiler.stop')
      const r = await page.send('Profiler.stop')
      writeFileSync(join(dir, 'main.cpuprofile'), JSON.stringify(m.profile))
      writeFileSync(join(dir, 'renderer.cpuprofile'), JSON.stringify(r.profile))
      main.disconnect()
    },
  }
}
