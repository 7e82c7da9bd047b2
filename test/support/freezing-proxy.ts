import net from 'node:net'
import { listenLoopback, SocketSet } from './loopback'

/**
 * A TCP proxy to a loopback port that can freeze like a SIGSTOPped Asterisk: while frozen it
 * forwards nothing either way and closes nothing, yet new connections are still accepted (the
 * kernel completes the handshake of a stopped process too). Whatever was sent meanwhile waits in
 * the socket buffers and is delivered on thaw, and a side that hung up meanwhile is only noticed
 * then, as the process would on SIGCONT.
 */
export interface FreezingProxy {
  readonly port: number
  freeze(): void
  thaw(): void
  readonly frozen: boolean
  /** Connections accepted so far (reconnect attempts show up here). */
  readonly accepted: number
  close(): Promise<void>
}

export async function freezingProxy(targetPort: number): Promise<FreezingProxy> {
  const sockets = new SocketSet()
  /** What waits for the thaw: connecting upstream, resuming reads, closing a peer. */
  let onThaw: Array<() => void> = []
  let frozen = false
  let accepted = 0
  const whenThawed = (work: () => void): void => {
    if (frozen) onThaw.push(work)
    else work()
  }
  const join = (client: net.Socket): void => {
    // Not joinUpstream: a close seen while frozen must wait for the thaw to reach the other side.
    const upstream = sockets.track(net.connect(targetPort, '127.0.0.1'))
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      from.on('data', (chunk: Buffer) => to.write(chunk))
      from.on('close', () => {
        whenThawed(() => to.destroy())
      })
      if (frozen) from.pause()
    }
  }
  const server = net.createServer((client) => {
    accepted++
    sockets.track(client)
    if (frozen) {
      client.pause()
      onThaw.push(() => {
        if (!client.destroyed) join(client)
      })
    } else join(client)
  })
  return {
    port: await listenLoopback(server),
    freeze: () => {
      frozen = true
      sockets.each((s) => s.pause())
    },
    thaw: () => {
      frozen = false
      const pending = onThaw
      onThaw = []
      // Listeners first (a connection accepted while frozen joins its upstream), then reads.
      for (const work of pending) work()
      sockets.each((s) => s.resume())
    },
    get frozen() {
      return frozen
    },
    get accepted() {
      return accepted
    },
    close: () => {
      frozen = false
      onThaw = []
      return sockets.close(server)
    },
  }
}
