/**
 * A scripted AMI server on 127.0.0.1 (port 0) for client tests. It speaks the wire format of the
 * real captures (banner without blank line, CRLF, `Response:` first), parses what the client writes
 * with the project's own framer, and lets each test script the answers.
 */
import { createHash } from 'node:crypto'
import net from 'node:net'
import tls from 'node:tls'
import { AmiFramer } from '../../src-main/core/ami/framing'
import type { AmiMessage } from '../../src-main/core/ami/message'

export interface FakeConn {
  readonly socket: net.Socket
  readonly actions: AmiMessage[]
  send(text: string): void
  /** `Key: value` lines → one message (CRLF, blank line). */
  reply(fields: ReadonlyArray<readonly [string, string]>): void
  loggedIn: boolean
}

/** Return true when the handler answered (or chose not to); anything else falls through to the defaults. */
export type Handler = (action: AmiMessage, conn: FakeConn) => boolean

export interface FakeServerOptions {
  readonly username?: string
  readonly secret?: string
  /** Delay of the `Authentication failed` answer (Asterisk waits ~1 s; tests use less). */
  readonly authFailDelayMs?: number
  /** Answer CoreStatus with Permission denied (least-privileged user). */
  readonly denyCoreStatus?: boolean
  readonly events?: ReadonlyArray<readonly [string, string]>[]
  /** Serve AMI over TLS with this key and certificate (PEM). */
  readonly tls?: { readonly key: string; readonly cert: string }
}

export class FakeAmiServer {
  readonly server: net.Server
  readonly conns: FakeConn[] = []
  readonly allActions: AmiMessage[] = []
  handler: Handler | undefined
  /** Ping answers stop when false (half-open simulation). */
  answerPing = true
  private readonly opts: FakeServerOptions
  port = 0

  constructor(opts: FakeServerOptions = {}) {
    this.opts = opts
    this.server =
      opts.tls === undefined
        ? net.createServer((s) => {
            this.onConnection(s)
          })
        : tls.createServer({ key: opts.tls.key, cert: opts.tls.cert }, (s) => {
            this.onConnection(s)
          })
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(port, '127.0.0.1', () => {
        resolve()
      })
    })
    const addr = this.server.address()
    if (addr === null || typeof addr === 'string') throw new Error('no port')
    this.port = addr.port
    return this.port
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.socket.destroy()
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve()
      })
    })
  }

  count(action: string): number {
    return this.allActions.filter((a) => a.get('Action')?.toLowerCase() === action.toLowerCase()).length
  }

  private onConnection(socket: net.Socket): void {
    socket.setNoDelay(true)
    let challenge: string | undefined
    const conn: FakeConn = {
      socket,
      actions: [],
      loggedIn: false,
      send: (text) => {
        if (!socket.destroyed) socket.write(text)
      },
      reply: (fields) => {
        conn.send(fields.map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n')
      },
    }
    this.conns.push(conn)
    const framer = new AmiFramer({
      expectBanner: false,
      onMessage: (m) => {
        conn.actions.push(m)
        this.allActions.push(m)
        if (this.handler?.(m, conn) === true) return
        const name = (m.get('Action') ?? '').toLowerCase()
        const id = m.actionId
        const idField: Array<readonly [string, string]> = id === undefined ? [] : [['ActionID', id]]
        const ok = (extra: ReadonlyArray<readonly [string, string]> = []): void => {
          conn.reply([['Response', 'Success'], ...idField, ...extra])
        }
        switch (name) {
          case 'challenge':
            challenge = String(100000000 + Math.floor(Math.random() * 899999999))
            ok([['Challenge', challenge]])
            return
          case 'login': {
            const user = this.opts.username ?? 'console'
            const secret = this.opts.secret ?? 'secret'
            const key = m.get('Key')
            const good =
              m.get('Username') === user &&
              (key !== undefined
                ? challenge !== undefined &&
                  key ===
                    createHash('md5')
                      .update(challenge + secret)
                      .digest('hex')
                : m.get('Secret') === secret)
            if (good) {
              conn.loggedIn = true
              ok([['Message', 'Authentication accepted']])
              for (const ev of this.opts.events ?? []) conn.reply(ev)
            } else {
              setTimeout(() => {
                conn.reply([['Response', 'Error'], ...idField, ['Message', 'Authentication failed']])
                socket.end()
              }, this.opts.authFailDelayMs ?? 20)
            }
            return
          }
          case 'ping':
            if (this.answerPing)
              ok([
                ['Ping', 'Pong'],
                ['Timestamp', '1795552381.704682'],
              ])
            return
          case 'corestatus':
            if (this.opts.denyCoreStatus === true) conn.reply([['Response', 'Error'], ...idField, ['Message', 'Permission denied']])
            else
              ok([
                ['CoreStartupDate', '2026-11-24'],
                ['CoreStartupTime', '07:00:00'],
                ['CoreCurrentCalls', '0'],
              ])
            return
          case 'logoff':
            conn.reply([['Response', 'Goodbye'], ...idField, ['Message', 'Thanks for all the fish.']])
            socket.end()
            return
          default:
            ok([['Message', 'OK']])
        }
      },
    })
    socket.on('data', (c: Buffer) => {
      framer.push(c)
    })
    socket.on('error', () => undefined)
    socket.write('Asterisk Call Manager/11.0.0\r\n')
  }
}
