import { createHash } from 'node:crypto'
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http'
import net from 'node:net'
import { listenLoopback, SocketSet } from './loopback'

/**
 * Endpoints an attacker points a profile at: they record every byte a client sends, so a test can
 * prove a secret did not arrive. The AMI one greets like Asterisk and answers a Challenge with a
 * fixed challenge (so an MD5 login's Key can be recognised too); it never accepts a login.
 */
export interface AmiRecorder {
  readonly port: number
  readonly challenge: string
  /** Everything received on every connection, as text. */
  received(): string
  connections(): number
  /** True when a login carrying this secret arrived, as `Secret:` or as the MD5 `Key:` of it (whatever challenge it answered). */
  sawSecret(secret: string): boolean
  reset(): void
  close(): Promise<void>
}

export async function startAmiRecorder(): Promise<AmiRecorder> {
  const challenge = '159800468'
  let text = ''
  let count = 0
  const sockets = new SocketSet()
  const server = net.createServer((socket) => {
    count++
    sockets.track(socket)
    socket.write('Asterisk Call Manager/11.0.0\r\n')
    let pending = ''
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8')
      pending += chunk.toString('utf8')
      let end: number
      while ((end = pending.indexOf('\r\n\r\n')) >= 0) {
        const block = pending.slice(0, end)
        pending = pending.slice(end + 4)
        const id = /ActionID: (.*)/i.exec(block)?.[1] ?? ''
        if (/Action: Challenge/i.test(block)) socket.write(`Response: Success\r\nActionID: ${id}\r\nChallenge: ${challenge}\r\n\r\n`)
        else if (/Action: Login/i.test(block)) socket.write(`Response: Error\r\nActionID: ${id}\r\nMessage: Authentication failed\r\n\r\n`)
        else socket.write(`Response: Error\r\nActionID: ${id}\r\nMessage: Permission denied\r\n\r\n`)
      }
    })
  })
  return {
    port: await listenLoopback(server),
    challenge,
    received: () => text,
    connections: () => count,
    sawSecret: (secret) =>
      text.includes(`Secret: ${secret}\r\n`) ||
      text.includes(
        `Key: ${createHash('md5')
          .update(challenge + secret)
          .digest('hex')}`,
      ),
    reset: () => {
      text = ''
      count = 0
    },
    close: () => sockets.close(server),
  }
}

/** An HTTP endpoint (ARI, FreePBX token URL) that records each request's headers and body, and answers 401. */
export interface HttpRecorder {
  readonly port: number
  readonly url: string
  requests(): string[]
  sawSecret(secret: string): boolean
  reset(): void
  close(): Promise<void>
}

export async function startHttpRecorder(): Promise<HttpRecorder> {
  let seen: string[] = []
  const server: HttpServer = createHttpServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}\n${JSON.stringify(req.headers)}\n${body}`)
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"message":"Authentication required"}')
    })
  })
  const port = await listenLoopback(server)
  // Basic credentials decoded, so a password is found as `user:password`.
  const decoded = (text: string): string =>
    text.replace(/Basic ([A-Za-z0-9+/=]+)/g, (_m, b64: string) => `Basic ${Buffer.from(b64, 'base64').toString('utf8')}`)
  return {
    port,
    url: `http://127.0.0.1:${String(port)}`,
    requests: () => [...seen],
    sawSecret: (secret) =>
      seen.some((r) => decoded(r).includes(`:${secret}`) || r.includes(`=${encodeURIComponent(secret)}`) || r.includes(`"${secret}"`)),
    reset: () => {
      seen = []
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
