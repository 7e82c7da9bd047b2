/**
 * Web mode's link a person can bookmark (issue 18 item 8): the access token is kept per data folder
 * (0600) so the link survives a restart; Admin replaces it (admin passphrase, audited) and the
 * command line too; the old link stops working at once and the sockets opened with it are closed
 * with a code the page explains; a page may ask whether its token is still good. Attacked through
 * the contract over raw WebSockets, as a page would.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { request } from 'undici'
import type WebSocket from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { AccessKeeper } from '../../../src-main/web/access-keeper'
import { ACCESS_FILE, loadOrCreateAccess, readAccess } from '../../../src-main/web/access-token'
import { rotateTokenFromCommandLine } from '../../../src-main/web/rotate-token-cli'
import { startWebServer, TOKEN_REPLACED_CLOSE, type WebServer } from '../../../src-main/web/web-server'
import { FileAuditLog } from '../../../src-main/core/audit'
import { createTestCore } from '../../support/test-core'
import { fakeRendererDir, openSocket } from '../../support/web-harness'

const root = resolve(import.meta.dirname, '../../..')
const SETUP_CODE = 'ABCD-EFGH-JKLM'
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean()
})

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'att-access-'))
  cleanups.push(() => {
    rmSync(dir, { recursive: true, force: true })
  })
  return dir
}

const wsUrl = (server: WebServer, token: string): string => `ws://127.0.0.1:${String(server.port)}/ws?token=${encodeURIComponent(token)}`
const tokenIn = (url: string): string => new URL(url).searchParams.get('token') ?? ''

let nextId = 1
type Reply = { ok: boolean; value?: any; error?: { code: string; message: string } }
function call(ws: WebSocket, channel: string, input?: unknown): Promise<Reply> {
  const id = nextId++
  const reply = new Promise<Reply>((resolveReply) => {
    const onMessage = (data: Buffer): void => {
      const frame = JSON.parse(data.toString()) as { kind: string; id?: number; result: Reply }
      if (frame.kind === 'reply' && frame.id === id) {
        ws.off('message', onMessage)
        resolveReply(frame.result)
      }
    }
    ws.on('message', onMessage)
  })
  ws.send(JSON.stringify({ id, channel, input }))
  return reply
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolveClose) => {
    ws.once('close', (code: number, reason: Buffer) => {
      resolveClose({ code, reason: reason.toString() })
    })
  })
}

async function accessCheck(server: WebServer, token: string | undefined, host = `127.0.0.1:${String(server.port)}`): Promise<number> {
  const res = await request(`${server.origin}/access`, { headers: { host, ...(token === undefined ? {} : { 'x-attendant-token': token }) } })
  await res.body.dump()
  return res.statusCode
}

/** A console and its web server on one data folder, as web.ts builds them. */
async function startOn(dataDir: string): Promise<{ server: WebServer; keeper: AccessKeeper; core: ReturnType<typeof createTestCore> }> {
  const keeper = AccessKeeper.forDataDir(dataDir, loadOrCreateAccess(dataDir))
  const core = createTestCore({ webAccess: keeper, setupCode: SETUP_CODE })
  await core.start()
  const server = await startWebServer({ core, rendererDir: fakeRendererDir(), port: 0, access: keeper })
  cleanups.push(async () => {
    await server.close()
    await core.close()
  })
  return { server, keeper, core }
}

describe('the web link survives a restart', () => {
  it('keeps the token in the data folder, owner-only, and the next start takes the same one', async () => {
    const dataDir = tempDir()
    const first = await startOn(dataDir)
    const token = first.server.token
    expect(readAccess(dataDir)?.token).toBe(token)
    expect(statSync(join(dataDir, ACCESS_FILE)).mode & 0o777).toBe(0o600)
    // The port is kept for the command line's new link.
    expect(readAccess(dataDir)?.port).toBe(first.server.port)

    const again = AccessKeeper.forDataDir(dataDir, loadOrCreateAccess(dataDir))
    expect(again.token).toBe(token)
    const server = await startWebServer({ core: first.core, rendererDir: fakeRendererDir(), port: 0, access: again })
    cleanups.push(() => server.close())
    const ws = await openSocket(wsUrl(server, token), server.origin)
    expect(await call(ws, 'app.info')).toMatchObject({ ok: true })
    ws.close()
  })

  it('another data folder has another token', () => {
    expect(loadOrCreateAccess(tempDir()).token).not.toBe(loadOrCreateAccess(tempDir()).token)
  })

  it('tells a page whether its token opens the console (204 / 401), only to its own Host', async () => {
    const { server } = await startOn(tempDir())
    expect(await accessCheck(server, server.token)).toBe(204)
    expect(await accessCheck(server, 'stale-token-from-a-bookmark')).toBe(401)
    expect(await accessCheck(server, undefined)).toBe(401)
    // DNS rebinding: another Host learns nothing.
    expect(await accessCheck(server, server.token, `evil.example:${String(server.port)}`)).toBe(421)
  })
})

describe('replacing the web link from Admin', () => {
  it('needs the admin passphrase, is audited either way, and never writes the token to the audit', async () => {
    const { server } = await startOn(tempDir())
    const ws = await openSocket(wsUrl(server, server.token), server.origin)
    const before = server.token
    // No passphrase yet: nobody may lock the others out.
    expect(await call(ws, 'webAccess.rotate', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    expect(await call(ws, 'admin.setPassphrase', { next: 'the admin passphrase', setupCode: SETUP_CODE })).toMatchObject({ ok: true })
    expect(await call(ws, 'webAccess.rotate', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Replacing the web link needs the admin passphrase' },
    })
    expect(await call(ws, 'webAccess.rotate', { adminPassphrase: 'a guess' })).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    // Refused by the schema (a control character): audited too.
    expect(await call(ws, 'webAccess.rotate', { adminPassphrase: 'x\u0007' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await call(ws, 'webAccess.rotate', { adminPassphrase: 'a guess', token: 'mine' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    })
    expect(server.token).toBe(before)
    const audit = await call(ws, 'audit.read', { limit: 20 })
    const lines = (audit.value as { action: string; result: string; errorCode?: string; seat?: string }[]).filter(
      (e) => e.action === 'web.rotateToken',
    )
    expect(lines.map((e) => `${e.seat ?? ''} ${e.result} ${e.errorCode ?? ''}`)).toEqual([
      'web socket 1 refused invalid_input',
      'web socket 1 refused invalid_input',
      'web socket 1 refused passphrase_wrong',
      'web socket 1 refused passphrase_required',
      'web socket 1 refused admin_passphrase_not_set',
    ])
    ws.close()
  })

  it('stops the old link at once: every socket opened with it is closed, the asker after its answer', async () => {
    const { server } = await startOn(tempDir())
    const old = server.token
    const admin = await openSocket(wsUrl(server, old), server.origin)
    const colleague = await openSocket(wsUrl(server, old), server.origin)
    expect(await call(admin, 'admin.setPassphrase', { next: 'the admin passphrase', setupCode: SETUP_CODE })).toMatchObject({ ok: true })
    const colleagueClosed = closed(colleague)
    const adminClosed = closed(admin)

    const answer = await call(admin, 'webAccess.rotate', { adminPassphrase: 'the admin passphrase' })
    expect(answer).toMatchObject({ ok: true, value: { available: true } })
    const url = (answer.value as { url: string }).url
    expect(url).toBe(server.url)
    expect(tokenIn(url)).not.toBe(old)
    expect(await colleagueClosed).toEqual({ code: TOKEN_REPLACED_CLOSE, reason: 'The access link was replaced' })
    expect((await adminClosed).code).toBe(TOKEN_REPLACED_CLOSE)

    await expect(openSocket(wsUrl(server, old), server.origin)).rejects.toThrow('HTTP 401')
    expect(await accessCheck(server, old)).toBe(401)
    const fresh = await openSocket(wsUrl(server, tokenIn(url)), server.origin)
    const audit = await call(fresh, 'audit.read', { limit: 5 })
    const line = (audit.value as { action: string; result: string; detail?: string }[]).find((e) => e.action === 'web.rotateToken')
    expect(line).toMatchObject({ result: 'ok' })
    expect(JSON.stringify(audit.value)).not.toContain(tokenIn(url))
    expect(JSON.stringify(audit.value)).not.toContain(old)
    fresh.close()
  })

  it('the desktop app has no link: it says so and replaces nothing', async () => {
    const core = createTestCore()
    cleanups.push(() => core.close())
    const ctx = { clientId: 'window-1', transport: 'ipc' as const }
    expect(await core.dispatch('webAccess.link', undefined, ctx)).toMatchObject({ ok: true, value: { available: false } })
  })
})

describe('replacing the web link from the command line', () => {
  it('a running console drops the old link within a second or two; the rotation is audited', async () => {
    const dataDir = tempDir()
    const { server, keeper } = await startOn(dataDir)
    const stop = keeper.watch()
    cleanups.push(stop)
    const old = server.token
    const ws = await openSocket(wsUrl(server, old), server.origin)
    const gone = closed(ws)
    const printed: string[] = []
    const url = await rotateTokenFromCommandLine(dataDir, (line) => printed.push(line))
    expect(url).toBe(`http://127.0.0.1:${String(server.port)}/?token=${readAccess(dataDir)?.token ?? ''}`)
    expect(printed).toContain(url)
    expect((await gone).code).toBe(TOKEN_REPLACED_CLOSE)
    expect(server.token).toBe(tokenIn(url))
    await expect(openSocket(wsUrl(server, old), server.origin)).rejects.toThrow('HTTP 401')
    const fresh = await openSocket(wsUrl(server, tokenIn(url)), server.origin)
    expect(await call(fresh, 'app.info')).toMatchObject({ ok: true })
    const log = new FileAuditLog({ dir: join(dataDir, 'audit') })
    const [line] = await log.read({ limit: 5 })
    await log.close()
    expect(line).toMatchObject({ action: 'web.rotateToken', role: 'system', result: 'ok' })
    expect(JSON.stringify(line)).not.toContain(tokenIn(url))
    fresh.close()
  })

  it('`web.js --rotate-token` replaces the stored token, prints the new link and starts nothing', async () => {
    const dataDir = tempDir()
    const run = (args: string[]): Promise<string[]> =>
      new Promise((resolveRun, reject) => {
        const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src-main/web.ts', '--data-dir', dataDir, ...args], {
          cwd: root,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
        const lines: string[] = []
        createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => lines.push(line))
        child.once('exit', (code) => {
          if (code === 0) resolveRun(lines)
          else reject(new Error(`exit ${String(code)}: ${lines.join(' | ')}`))
        })
        child.once('error', reject)
      })
    const before = loadOrCreateAccess(dataDir).token
    const lines = await run(['--rotate-token'])
    const after = readAccess(dataDir)?.token ?? ''
    expect(after).not.toBe(before)
    expect(lines.some((l) => l.endsWith(`?token=${after}`))).toBe(true)
    expect(lines.join('\n')).not.toContain(before)
  })
})
