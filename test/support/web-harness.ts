import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import type { AppCore } from '../../src-main/core/app/app-core'
import { createTestCore } from './test-core'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'

/** A throwaway renderer folder so transport tests do not depend on a build. */
export function fakeRendererDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'att-web-'))
  mkdirSync(join(root, 'assets'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  return root
}

export async function startTestWeb(): Promise<{ core: AppCore; server: WebServer }> {
  const core = createTestCore()
  const server = await startWebServer({ core, rendererDir: fakeRendererDir(), port: 0 })
  return { core, server }
}

/** Opens a socket; resolves with it once open, rejects with the HTTP status if refused. */
export function openSocket(url: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin })
    ws.once('open', () => {
      resolve(ws)
    })
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`HTTP ${String(res.statusCode)}`))
    })
    ws.once('error', reject)
  })
}

export function nextFrame(ws: WebSocket): Promise<any> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => {
      resolve(JSON.parse(data.toString()))
    })
  })
}
