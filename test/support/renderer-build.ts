/**
 * Whether a built renderer is older than its sources: e2e tests and benches run whatever is in
 * ATTENDANT_RENDERER_DIR (or out/renderer), and a build left from hours before measures old code.
 * (bench:config once reported a fresh page holding its main thread for minutes, 110,651 DOM nodes
 * and 408 s of Layout: out/renderer had been built before the lamps' grid drew only the rows in view.)
 */
import { readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '../..')
/** What goes into the renderer's bundle: its own sources and the contract's types and words. */
const SOURCES = ['src-renderer', 'src-preload']

/** The newest file under `dir` (its path and modification time, ms), skipping what is no source. */
function newestUnder(dir: string): { path: string; mtimeMs: number } | undefined {
  let newest: { path: string; mtimeMs: number } | undefined
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
      const path = join(d, entry.name)
      if (entry.isDirectory()) walk(path)
      else {
        const mtimeMs = statSync(path).mtimeMs
        if (newest === undefined || mtimeMs > newest.mtimeMs) newest = { path, mtimeMs }
      }
    }
  }
  walk(dir)
  return newest
}

/**
 * A sentence saying that the renderer in `rendererDir` was built before a source it bundles last
 * changed (which source, when), or undefined when it is newer than all of them. In a work tree
 * shared by several engineers an edit made after the build may be someone else's, so it is a
 * warning, not a refusal.
 */
export function staleRendererNote(rendererDir: string, root = ROOT): string | undefined {
  let builtMs: number
  try {
    builtMs = statSync(join(rendererDir, 'index.html')).mtimeMs
  } catch {
    return undefined
  }
  const newest = SOURCES.map((s) => newestUnder(join(root, s))).reduce<{ path: string; mtimeMs: number } | undefined>(
    (a, b) => (b !== undefined && (a === undefined || b.mtimeMs > a.mtimeMs) ? b : a),
    undefined,
  )
  if (newest === undefined || newest.mtimeMs <= builtMs) return undefined
  const at = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ')
  const minutes = Math.round((newest.mtimeMs - builtMs) / 60_000)
  return (
    `the renderer in ${rendererDir} was built ${at(builtMs)} UTC, ${String(minutes)} min before ${relative(root, newest.path)} changed (${at(newest.mtimeMs)}): ` +
    'it may be older code than the tree; build it again (`npm run build`, or `npx electron-vite build` with ATTENDANT_RENDERER_DIR)'
  )
}
