import net from 'node:net'
import { joinUpstream, listenLoopback, pipeBoth, SocketSet, type LoopbackFront } from './loopback'

/** A TCP proxy to a loopback port that counts connections (login attempts, reconnect storms). */
export async function countingProxy(targetPort: number): Promise<LoopbackFront & { connections: () => number }> {
  let count = 0
  const sockets = new SocketSet()
  const server = net.createServer((client) => {
    count++
    pipeBoth(client, joinUpstream(client, targetPort, sockets))
  })
  return { port: await listenLoopback(server), connections: () => count, close: () => sockets.close(server) }
}
