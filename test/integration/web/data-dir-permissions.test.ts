import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { openSocket } from '../../support/web-harness'

const WEB_JS = resolve(import.meta.dirname, '../../../out/web/web.js')

interface Running {
  readonly child: ChildProcess
  readonly url: URL
  readonly output: () => string
}

let running: Running | undefined
let temp: string | undefined

afterEach(async () => {
  await stop()
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true })
  temp = undefined
})

/** Web mode as a user runs it (`node out/web/web.js --data-dir DIR`), until it prints its URL. */
async function startWebMode(dataDir: string): Promise<Running> {
  if (!existsSync(WEB_JS)) throw new Error('out/web/web.js is missing: run `npm run build` first')
  const child = spawn(process.execPath, [WEB_JS, '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  const url = await new Promise<URL>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`web mode printed no URL:\n${out}`))
    }, 20_000)
    const take = (chunk: Buffer): void => {
      out += chunk.toString()
      const line = /^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m.exec(out)
      if (line !== null) {
        clearTimeout(timer)
        resolveUrl(new URL(line[0]))
      }
    }
    child.stdout.on('data', take)
    child.stderr.on('data', take)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web mode exited (${String(code)}):\n${out}`))
    })
  })
  running = { child, url, output: () => out }
  return running
}

async function stop(): Promise<void> {
  const r = running
  running = undefined
  if (r === undefined || r.child.exitCode !== null) return
  const exited = new Promise((done) => r.child.once('exit', done))
  r.child.kill('SIGTERM')
  await exited
}

type Reply = { kind: string; id?: number; result: { ok: boolean; error?: { code: string } } }

/** One contract call over the page's own WebSocket (events pushed meanwhile are passed over). */
function call(ws: WebSocket, id: number, channel: string, input?: unknown): Promise<Reply['result']> {
  return new Promise((resolveReply) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as Reply
      if (frame.kind !== 'reply' || frame.id !== id) return
      ws.off('message', onMessage)
      resolveReply(frame.result)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ id, channel, input }))
  })
}

/** Makes the running console write what it writes: a setting, an audit line, the call history. */
async function writeEveryKind(r: Running, dataDir: string): Promise<void> {
  const ws = await openSocket(`ws://${r.url.host}/ws?token=${encodeURIComponent(r.url.searchParams.get('token') ?? '')}`, r.url.origin)
  try {
    expect(await call(ws, 1, 'settings.set', { theme: 'dark' })).toMatchObject({ ok: true })
    // A toll number the guard refuses (or the demo is not connected yet): either way an audit line.
    expect(await call(ws, 2, 'calls.originate', { profileId: 'demo', destination: '+44 20 7946 0000' })).toMatchObject({ ok: false })
    await expect
      .poll(() => existsSync(dataDir) && readdirSync(join(dataDir, 'audit')).some((f) => f.endsWith('.jsonl')), { timeout: 10_000 })
      .toBe(true)
    expect(await call(ws, 3, 'history.stats', { profileId: 'demo' })).toMatchObject({ ok: true })
  } finally {
    ws.close()
  }
  // SQLite in WAL mode keeps its -wal and -shm beside the database while it is open.
  await expect
    .poll(() => existsSync(join(dataDir, 'history.sqlite-wal')) && existsSync(join(dataDir, 'history.sqlite-shm')), { timeout: 15_000 })
    .toBe(true)
}

/** Every folder and file under `dir` (itself included) with its permission bits, symlinks aside. */
function modes(dir: string): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (path: string): void => {
    const st = lstatSync(path)
    if (st.isSymbolicLink()) return
    out.set(relative(dir, path) || '.', (st.mode & 0o777).toString(8))
    if (st.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
  }
  walk(dir)
  return out
}

/** Loosens the folder as an earlier version left it: folders 0755, files 0644. */
function loosen(dir: string): void {
  for (const path of modes(dir).keys()) {
    const full = join(dir, path)
    chmodSync(full, lstatSync(full).isDirectory() ? 0o755 : 0o644)
  }
}

function expectOwnerOnly(dataDir: string): void {
  for (const [path, mode] of modes(dataDir)) {
    const isDir = lstatSync(join(dataDir, path)).isDirectory()
    expect(mode, path).toBe(isDir ? '700' : '600')
  }
}

describe.skipIf(process.platform === 'win32')('web mode’s data folder, as a real process', () => {
  it('creates its data folder 0700 and every file in it 0600: settings, audit log, call history with its -wal and -shm', async () => {
    temp = mkdtempSync(join(tmpdir(), 'att-perm-'))
    const dataDir = join(temp, 'data')
    const r = await startWebMode(dataDir)
    await writeEveryKind(r, dataDir)
    const files = [...modes(dataDir).keys()]
    for (const kind of ['settings.json', 'history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm', 'audit'])
      expect(files, r.output()).toContain(kind)
    expect(files.some((f) => f.startsWith('audit/') && f.endsWith('.jsonl'))).toBe(true)
    expectOwnerOnly(dataDir)
  })

  it('tightens what an earlier version left readable (folders 0755, files 0644, a stray key and a backup of an invalid file) at start', async () => {
    temp = mkdtempSync(join(tmpdir(), 'att-perm-'))
    const dataDir = join(temp, 'data')
    await writeEveryKind(await startWebMode(dataDir), dataDir)
    await stop()
    // As an earlier version (or a copy by hand) left it, with an invalid profiles file, whose
    // backup must not be readable by others either, and the secrets' key file.
    writeFileSync(join(dataDir, 'profiles.json'), '{ not json')
    writeFileSync(join(dataDir, 'secret.key'), randomBytes(32))
    writeFileSync(join(dataDir, 'secrets.json'), '{}')
    loosen(dataDir)
    expect(modes(dataDir).get('.')).toBe('755')
    expect(modes(dataDir).get('secret.key')).toBe('644')

    const r = await startWebMode(dataDir)
    await writeEveryKind(r, dataDir)
    const files = [...modes(dataDir).keys()]
    expect(
      files.some((f) => /^profiles\.json\.corrupt-.*\.bak$/.test(f)),
      r.output(),
    ).toBe(true)
    for (const kind of ['settings.json', 'secret.key', 'secrets.json', 'history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm'])
      expect(files).toContain(kind)
    expectOwnerOnly(dataDir)
    // The shell said what it changed.
    expect(r.output()).toMatch(/readable by their owner only/)
  })
})
