/**
 * A small loopback HTTP endpoint over the in-process control API, for end-to-end tests that
 * run the demo PBX in another process. `POST /control/<command>` with a JSON body and
 * `Authorization: Bearer <token>`; answers JSON. Bodies are capped at 64 KiB.
 */
import { type Server, createServer } from 'node:http'
import { timingSafeEqual } from 'node:crypto'
import { listenOn } from '../net/listen'

export type ControlHandler = (command: string, body: Record<string, unknown>) => Promise<unknown>

export async function startControlServer(token: string, port: number, handle: ControlHandler): Promise<{ port: number; close(): Promise<void> }> {
  const expected = Buffer.from(`Bearer ${token}`)
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown): void => {
      const text = JSON.stringify(body)
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
      res.end(text)
    }
    const given = Buffer.from(req.headers.authorization ?? '')
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      req.resume()
      reply(401, { error: 'unauthorized' })
      return
    }
    const m = /^\/control\/([A-Za-z]+)$/.exec(req.url ?? '')
    if (req.method !== 'POST' || !m?.[1]) {
      req.resume()
      reply(404, { error: 'not found' })
      return
    }
    const command = m[1]
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > 64 * 1024) {
        reply(413, { error: 'body too large' })
        req.destroy()
        return
      }
      chunks.push(c)
    })
    req.on('end', () => {
      let body: unknown
      try {
        const text = Buffer.concat(chunks).toString('utf8')
        body = text.trim() === '' ? {} : JSON.parse(text)
      } catch {
        reply(400, { error: 'invalid JSON' })
        return
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        reply(400, { error: 'body must be a JSON object' })
        return
      }
      handle(command, body as Record<string, unknown>).then(
        (result) => {
          reply(200, { ok: true, result: result ?? null })
        },
        (err: unknown) => {
          reply(400, { ok: false, error: err instanceof Error ? err.message : String(err) })
        },
      )
    })
  })
  const boundPort = await listenOn(server, port, '127.0.0.1')
  return {
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
