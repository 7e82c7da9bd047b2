import { build } from 'esbuild'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

describe('the sandboxed preload bundle', () => {
  it('holds the channel names only: no schema, no zod', async () => {
    const root = resolve(import.meta.dirname, '../../..')
    const out = await build({
      entryPoints: [resolve(root, 'src-preload/index.ts')],
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    })
    const inputs = Object.keys(out.metafile.inputs)
    expect(inputs.filter((p) => p.includes('node_modules'))).toEqual([])
    // The entry, the names registry and one names file per domain: nothing that declares a schema.
    for (const p of inputs) expect(p).toMatch(/^src-preload\/(index\.ts|contract\/(names|[a-z-]+\.names)\.ts)$/)
    expect(inputs).toContain('src-preload/contract/names.ts')
  })
})
