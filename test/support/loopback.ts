/**
 * Plumbing shared by the test servers and proxies on 127.0.0.1: listen on a free port, remember
 * every socket so closing cuts them all (a server's close alone waits for its peers), and relay a
 * client to a loopback port.
 */
import net from 'node:net'
import { listenOn } from '../../src-main/core/net/listen'

/** Listens on 127.0.0.1, any free port, and returns the port. */
export function listenLoopback(server: net.Server): Promise<number> {
  return listenOn(server, 0, '127.0.0.1')
}

/** Closes a server (after its connections end: cut them first, or use SocketSet.close). */
export function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve()
    })
  })
}

/** The sockets of one test server, each kept until it closes; errors are the test's to observe, not to crash on. */
export class SocketSet {
  private readonly sockets = new Set<net.Socket>()

  track(socket: net.Socket): net.Socket {
    this.sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => this.sockets.delete(socket))
    return socket
  }

  each(work: (socket: net.Socket) => void): void {
    for (const s of this.sockets) work(s)
  }

  /** Cuts every socket, then closes the server. */
  async close(server: net.Server): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await closeServer(server)
  }
}

/**
 * Connects `client` to a loopback port, both sockets tracked, and makes each side's close close
 * the other. Returns the upstream socket; the caller decides how bytes flow (`pipeBoth` or its own).
 */
export function joinUpstream(client: net.Socket, targetPort: number, sockets: SocketSet): net.Socket {
  const upstream = sockets.track(net.connect(targetPort, '127.0.0.1'))
  sockets.track(client)
  client.on('close', () => upstream.destroy())
  upstream.on('close', () => client.destroy())
  return upstream
}

/** A relay that forwards everything both ways, untouched. */
export function pipeBoth(client: net.Socket, upstream: net.Socket): void {
  client.pipe(upstream).pipe(client)
}

/** What every proxy here returns: its port and a close that cuts its connections. */
export interface LoopbackFront {
  readonly port: number
  close(): Promise<void>
}
