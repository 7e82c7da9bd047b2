import { resolve } from 'node:path'
import { build, type Rolldown } from 'vite'
import { describe, expect, it } from 'vitest'
import { eventChannelNames, invokeChannelNames, notifyChannelNames } from '../../../src-preload/contract'

describe('the sandboxed preload bundle', () => {
  it('holds the channel names only (no schema, no zod), every channel of the contract among them', async () => {
    const root = resolve(import.meta.dirname, '../../..')
    // Built as electron.vite.config.ts builds it (Vite, CommonJS, electron external), kept in memory.
    const out = (await build({
      configFile: false,
      root,
      logLevel: 'silent',
      build: {
        write: false,
        minify: false,
        lib: { entry: resolve(root, 'src-preload/index.ts'), formats: ['cjs'], fileName: 'index' },
        rolldownOptions: { external: ['electron'] },
      },
    })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput
    const chunks = (Array.isArray(out) ? out : [out]).flatMap((o) => o.output).filter((o): o is Rolldown.OutputChunk => o.type === 'chunk')
    // Virtual ids (`\0…`: the bundler's own runtime helpers) are not source files.
    const modules = chunks
      .flatMap((c) => c.moduleIds)
      .filter((id) => !id.startsWith('\0'))
      .map((id) => (id.startsWith(root) ? id.slice(root.length + 1) : id))
    expect(modules.filter((p) => p.includes('node_modules'))).toEqual([])
    // The entry, the channel list, the names helpers and one names file per domain: nothing that declares a schema.
    for (const p of modules) expect(p).toMatch(/^src-preload\/(index\.ts|channel-list\.ts|contract\/(names|[a-z-]+\.names)\.ts)$/)
    const code = chunks.map((c) => c.code).join('\n')
    for (const name of [...invokeChannelNames, ...eventChannelNames, ...notifyChannelNames]) expect(code).toContain(`"${name}"`)
  })
})
