import { createServer } from 'node:net'

/** The preferred port when it is free on 127.0.0.1, otherwise 0 (let the OS choose). */
export function preferPort(preferred: number): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => {
      resolve(0)
    })
    probe.listen(preferred, '127.0.0.1', () => {
      probe.close(() => {
        resolve(preferred)
      })
    })
  })
}
