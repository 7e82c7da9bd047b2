/**
 * The first admin passphrase makes whoever sets it the admin, so only the local user may: the
 * desktop window, or in web mode a socket that gives the one-time code printed on the terminal
 * that started it. Web mode is run for real (`src-main/web.ts`) and attacked over raw WebSockets.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import type WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestCore } from '../../support/test-core'
import { openSocket } from '../../support/web-harness'
import { sleep } from '../../support/wait'

const root = resolve(import.meta.dirname, '../../..')
let children: ChildProcess[] = []
let dirs: string[] = []
afterEach(async () => {
  for (const child of children) {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  children = []
  dirs = []
})

/** Starts web mode as `npm run web` does (no demo, any port) and collects what it prints until the URL. */
async function startWebMode(dataDir: string): Promise<{ url: string; lines: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/web.ts', '--port', '0', '--no-demo', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  const lines: string[] = []
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`web mode printed no URL within 30 s: ${lines.join(' | ')}`))
    }, 30_000)
    child.once('exit', (code) => {
      reject(new Error(`web mode exited (${String(code)}): ${lines.join(' | ')}`))
    })
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
      lines.push(line)
      if (line.startsWith('http://')) {
        clearTimeout(timer)
        resolveUrl(line)
      }
    })
  })
  // The setup code, when printed, follows the URL at once.
  await sleep(300)
  return { url, lines }
}

async function socketFor(pageUrl: string): Promise<WebSocket> {
  const page = new URL(pageUrl)
  return openSocket(`ws://${page.host}/ws?token=${page.searchParams.get('token') ?? ''}`, page.origin)
}

let nextId = 1
async function call(
  ws: WebSocket,
  channel: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const id = nextId++
  const reply = new Promise<{ result: { ok: boolean; error?: { code: string; message: string } } }>((resolveReply) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as { kind: string; id?: number; result: { ok: boolean; error?: { code: string; message: string } } }
      if (frame.kind === 'reply' && frame.id === id) {
        ws.off('message', onMessage)
        resolveReply(frame)
      }
    }
    ws.on('message', onMessage)
  })
  ws.send(JSON.stringify({ id, channel, input }))
  return (await reply).result
}

describe('the first admin passphrase (first-run step)', () => {
  it('web mode prints a one-time setup code; a socket needs it, guesses are throttled across sockets, and it is spent once used', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'att-first-run-'))
    dirs.push(dataDir)
    const { url, lines } = await startWebMode(dataDir)
    const codeLine = lines[lines.indexOf(url) + 2] ?? ''
    expect(lines[lines.indexOf(url) + 1]).toMatch(/setup code/i)
    expect(codeLine).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)

    const intruder = await socketFor(url)
    const other = await socketFor(url)
    // The port and token alone (any page that got hold of the URL) do not make an admin.
    expect(await call(intruder, 'admin.setPassphrase', { next: 'intruder passphrase' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call(intruder, 'admin.setPassphrase', { next: 'intruder passphrase', setupCode: 'AAAA-AAAA-AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/setup code is not correct/) as unknown },
    })
    // A second socket buys no extra guess: the wait is the console's, not the socket's.
    expect(await call(other, 'admin.setPassphrase', { next: 'intruder passphrase', setupCode: 'AAAA-AAAA-AAAB' })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'too many wrong setup code attempts; try again in 1 s' },
    })
    await sleep(1100)
    // The local user types the code from the terminal (grouping and case do not matter).
    expect(
      await call(other, 'admin.setPassphrase', { next: 'the local admin passphrase', setupCode: codeLine.toLowerCase().replace(/-/g, ' ') }),
    ).toMatchObject({ ok: true })
    // Now a passphrase exists: the code is spent and the passphrase itself is needed.
    expect(await call(intruder, 'admin.setPassphrase', { next: 'intruder passphrase', setupCode: codeLine })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    })
    const view = await call(intruder, 'profiles.list', undefined)
    expect(view).toMatchObject({ ok: true, value: { hasAdminPassphrase: true } })
    const audit = (await call(other, 'audit.read', { limit: 10 })) as {
      ok: true
      value: { action: string; result: string; seat?: string; errorCode?: string; detail?: string }[]
    }
    expect(
      audit.value.filter((e) => e.action === 'admin.setPassphrase').map((e) => `${e.seat ?? ''} ${e.result} ${e.errorCode ?? ''}`.trim()),
    ).toEqual([
      'web socket 1 refused passphrase_required',
      'web socket 2 ok',
      'web socket 2 refused passphrase_throttled',
      'web socket 1 refused setup_code_wrong',
      'web socket 1 refused setup_code_wrong',
    ])
    expect(audit.value.find((e) => e.result === 'ok')?.detail).toBe('first passphrase set (first-run step, setup code)')
    intruder.close()
    other.close()

    // Started again on the same data: a passphrase exists, so there is no code to print.
    const child = children[0]
    if (child !== undefined) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    const again = await startWebMode(dataDir)
    expect(again.lines.join('\n')).not.toMatch(/setup code/i)
  })

  it('the desktop window sets it without a code; a web socket without a code configured cannot', async () => {
    const web = createTestCore()
    const refused = await web.dispatch('admin.setPassphrase', { next: 'a long enough passphrase' }, { clientId: 'web-3', transport: 'web' })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/only in the desktop app or with the setup code/) as unknown },
    })
    const window = await web.dispatch('admin.setPassphrase', { next: 'a long enough passphrase' }, { clientId: 'ipc-2', transport: 'ipc' })
    expect(window).toMatchObject({ ok: true })
    await web.close()
  })
})
