import net from 'node:net'

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
  const sockets = new Set<net.Socket>()
  /** What waits for the thaw: connecting upstream, resuming reads, closing a peer. */
  let onThaw: Array<() => void> = []
  let frozen = false
  let accepted = 0
  const track = (s: net.Socket): void => {
    sockets.add(s)
    s.on('error', () => undefined)
    s.on('close', () => sockets.delete(s))
  }
  const whenThawed = (work: () => void): void => {
    if (frozen) onThaw.push(work)
    else work()
  }
  const join = (client: net.Socket): void => {
    const upstream = net.connect(targetPort, '127.0.0.1')
    track(upstream)
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
    track(client)
    if (frozen) {
      client.pause()
      onThaw.push(() => {
        if (!client.destroyed) join(client)
      })
    } else join(client)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze: () => {
      frozen = true
      for (const s of sockets) s.pause()
    },
    thaw: () => {
      frozen = false
      const pending = onThaw
      onThaw = []
      // Listeners first (a connection accepted while frozen joins its upstream), then reads.
      for (const work of pending) work()
      for (const s of sockets) s.resume()
    },
    get frozen() {
      return frozen
    },
    get accepted() {
      return accepted
    },
    close: () =>
      new Promise<void>((r) => {
        frozen = false
        onThaw = []
        for (const s of sockets) s.destroy()
        server.close(() => {
          r()
        })
      }),
  }
}
