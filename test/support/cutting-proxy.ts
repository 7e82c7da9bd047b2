import net from 'node:net'
import { joinUpstream, listenLoopback, SocketSet } from './loopback'

/**
 * A TCP proxy in front of the demo's AMI port that can lose one answer on purpose: it forwards the
 * armed action to the PBX, drops everything the PBX says after it, then cuts both sockets — the
 * console sees a disconnect with the action in flight, as when a real network fails at that moment.
 */
export interface CuttingProxy {
  readonly port: number
  /**
   * The next time the console sends this action, forward it and lose the answer; then refuse
   * reconnects for `downMs`, so the "outcome unknown" state lasts long enough to be seen.
   */
  loseAnswerTo(action: string, downMs?: number): void
  /** How many times the PBX received the action (a replay would show as 2). */
  seen(action: string): number
  close(): Promise<void>
}

export async function cuttingProxy(targetPort: number): Promise<CuttingProxy> {
  const sockets = new SocketSet()
  const seen = new Map<string, number>()
  let armed: string | undefined
  let downMs = 0
  let downUntil = 0
  const server = net.createServer((client) => {
    if (Date.now() < downUntil) {
      client.destroy()
      return
    }
    const upstream = joinUpstream(client, targetPort, sockets)
    let swallowing = false
    client.on('data', (chunk: Buffer) => {
      for (const m of chunk.toString('latin1').matchAll(/^Action: *([A-Za-z]+)\r?$/gim)) {
        const name = m[1] ?? ''
        seen.set(name, (seen.get(name) ?? 0) + 1)
        if (armed !== undefined && name.toLowerCase() === armed.toLowerCase()) {
          armed = undefined
          swallowing = true
          // Long enough for the PBX to act on it; the answer never reaches the console.
          setTimeout(() => {
            downUntil = Date.now() + downMs
            client.destroy()
            upstream.destroy()
          }, 300)
        }
      }
      upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (!swallowing) client.write(chunk)
    })
  })
  return {
    port: await listenLoopback(server),
    loseAnswerTo: (action, ms = 0) => {
      armed = action
      downMs = ms
    },
    seen: (action) => seen.get(action) ?? 0,
    close: () => sockets.close(server),
  }
}
