/**
 * `npm run bench:ami [-- harness args]`: runs the shared AMI ingest harness with the project's
 * runner (`attendant`) beside the harness's own runners, in the same run, and prints its table.
 *
 * ../shared is read-only, so the harness is copied to node_modules/.cache/ami-ingest (gitignored)
 * and its npm peers are installed there once. The runner is bundled with esbuild to plain JS so it
 * runs under bare `node` like the other runners (no TypeScript loader in its memory or timing).
 * Extra arguments pass through to the harness, e.g. `-- --events 200000 --runs 1 --json`, `-- --split`.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const source = resolve(root, '..', 'shared', 'bench', 'ami-ingest')
const work = join(root, 'node_modules', '.cache', 'ami-ingest')
const runnerOut = join(work, 'attendant-runner.mjs')

function sameFile(a: string, b: string): boolean {
  return existsSync(a) && existsSync(b) && readFileSync(a).equals(readFileSync(b))
}

function prepareHarness(): void {
  if (!existsSync(join(source, 'run.mjs'))) throw new Error(`harness not found at ${source}`)
  // Re-copy when the shared harness changed (its lock file or runner script differ).
  const stale =
    !sameFile(join(source, 'run.mjs'), join(work, 'run.mjs')) || !sameFile(join(source, 'package-lock.json'), join(work, 'package-lock.json'))
  if (stale) {
    rmSync(work, { recursive: true, force: true })
    mkdirSync(work, { recursive: true })
    cpSync(source, work, { recursive: true, filter: (p) => !p.includes('/node_modules') })
    spawnSync('chmod', ['-R', 'u+w', work])
  }
  if (!existsSync(join(work, 'node_modules'))) {
    console.error('bench:ami: installing the harness peers (once) in', work)
    const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: work, stdio: 'inherit' })
    if (r.status !== 0) throw new Error('npm ci in the harness folder failed')
  }
}

async function bundleRunner(): Promise<void> {
  await build({
    entryPoints: [join(here, 'runner.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: runnerOut,
    logLevel: 'warning',
  })
}

async function main(): Promise<void> {
  prepareHarness()
  await bundleRunner()
  const args = [join(work, 'run.mjs'), ...process.argv.slice(2), '--cmd', `node ${JSON.stringify(runnerOut)}`, '--name', 'attendant']
  const r = spawnSync(process.execPath, args, { cwd: work, stdio: 'inherit' })
  process.exitCode = r.status ?? 1
}

main().catch((err: unknown) => {
  console.error('bench:ami:', err instanceof Error ? err.message : err)
  process.exitCode = 1
})
