// A built renderer older than its sources is said before tests and benches run on it: bench:config
// measured a build from before the lamps' window (5,020 tiles, 408 s of Layout) as if it were HEAD.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { staleRendererNote } from '../../support/renderer-build'

let root: string
const T0 = new Date('2026-12-06T22:45:00Z')

/** Writes `path` under the fake tree, modified at `at`. */
function file(path: string, at: Date): void {
  const full = join(root, path)
  mkdirSync(join(full, '..'), { recursive: true })
  writeFileSync(full, 'x')
  utimesSync(full, at, at)
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'att-renderer-build-'))
  file('out/renderer/index.html', T0)
  file('src-renderer/src/main.tsx', new Date(T0.getTime() - 60_000))
  file('src-preload/types/live.ts', new Date(T0.getTime() - 120_000))
})

afterEach(() => {
  rmSync(root, { recursive: true, force: true })
})

describe('a renderer build against its sources', () => {
  it('says nothing of a build newer than every source', () => {
    expect(staleRendererNote(join(root, 'out/renderer'), root)).toBeUndefined()
  })

  it('names the source changed after the build, when, and how to build again', () => {
    file('src-renderer/src/features/calls/BlfGrid.tsx', new Date(T0.getTime() + 134 * 60_000))
    const note = staleRendererNote(join(root, 'out/renderer'), root)
    expect(note).toContain('built 2026-12-06 22:45 UTC, 134 min before src-renderer/src/features/calls/BlfGrid.tsx changed (2026-12-07 00:59)')
    expect(note).toContain('npm run build')
  })

  it('counts the contract the renderer bundles too (src-preload)', () => {
    file('src-preload/types/live.ts', new Date(T0.getTime() + 5 * 60_000))
    expect(staleRendererNote(join(root, 'out/renderer'), root)).toContain('src-preload/types/live.ts changed')
  })

  it('says nothing where there is no build (launchChromium refuses that itself)', () => {
    expect(staleRendererNote(join(root, 'elsewhere'), root)).toBeUndefined()
  })
})
