/**
 * The FreePBX demo endpoints on their own loopback HTTP server (tests, or a demo PBX that
 * does not mount the handler on another server).
 *
 *   const api = await startFreepbxDemoServer({ clients, port: 0 })
 *   api.baseUrl  // http://127.0.0.1:<port>
 *   await api.close()
 */
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type FreepbxDemoHandler, type FreepbxDemoOptions, createFreepbxDemoHandler } from './handler'

export interface FreepbxDemoServer {
  readonly port: number
  readonly baseUrl: string
  readonly handler: FreepbxDemoHandler
  close(): Promise<void>
}

export async function startFreepbxDemoServer(
  options: FreepbxDemoOptions & { readonly port?: number; readonly host?: string },
): Promise<FreepbxDemoServer> {
  const handler = createFreepbxDemoHandler(options)
  const server: Server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(404, { 'content-type': 'text/html' })
      res.end('<html><body>Not Found</body></html>')
    }
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  return {
    port,
    baseUrl: `http://${host}:${String(port)}`,
    handler,
    close: () =>
      new Promise<void>((resolve) => {
        handler.stop()
        server.closeAllConnections()
        server.close(() => {
          resolve()
        })
      }),
  }
}
