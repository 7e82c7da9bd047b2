/**
 * CPU profiles of the measurement window (`--profile DIR`): the console's main process through
 * node:inspector, the renderer through the page's DevTools session, plus the page's timeline trace
 * (renderer.trace.json: style, layout, paint per frame). Open them in Chrome DevTools
 * (Performance → Load profile) or any .cpuprofile viewer.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'

export interface RunningProfiles {
  save(dir: string): Promise<void>
}

/** Timeline categories DevTools' Performance panel records (style, layout, paint, scripts). */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing'].join(',')

/**
 * `cpu`: CPU profiles of main and the page; `trace`: the page's timeline. `name` prefixes the
 * files (the scroll phase is recorded apart from the measurement window: `scroll.trace.json`).
 */
export async function startProfiles(
  page: CDPSession,
  opts: { readonly trace: boolean; readonly cpu?: boolean; readonly name?: string },
): Promise<RunningProfiles> {
  const cpu = opts.cpu ?? true
  const name = opts.name ?? 'renderer'
  const main = new Session()
  if (cpu) {
    main.connect()
    await main.post('Profiler.enable')
    await main.post('Profiler.start')
    await page.send('Profiler.enable')
    await page.send('Profiler.start')
  }
  // The page's timeline too: a CPU profile shows native style/layout/paint only as "(program)".
  const traceEvents: unknown[] = []
  const onData = (e: { value: unknown[] }): void => {
    traceEvents.push(...e.value)
  }
  if (opts.trace) {
    page.on('Tracing.dataCollected', onData)
    await page.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' })
  }
  return {
    async save(dir) {
      mkdirSync(dir, { recursive: true })
      if (cpu) {
        const m = await main.post('Profiler.stop')
        const r = await page.send('Profiler.stop')
        writeFileSync(join(dir, name === 'renderer' ? 'main.cpuprofile' : `${name}-main.cpuprofile`), JSON.stringify(m.profile))
        writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(r.profile))
        main.disconnect()
      }
      if (opts.trace) {
        const complete = new Promise<void>((resolve) => {
          page.once('Tracing.tracingComplete', () => {
            resolve()
          })
        })
        await page.send('Tracing.end')
        await complete
        page.off('Tracing.dataCollected', onData)
        writeFileSync(join(dir, `${name}.trace.json`), JSON.stringify({ traceEvents }))
      }
    },
  }
}
