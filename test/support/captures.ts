/** The real Asterisk AMI captures in test/fixtures/asterisk/ami (see the README there). */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const AMI_CAPTURE_DIR = join(import.meta.dirname, '..', 'fixtures', 'asterisk', 'ami')

/** Names of every capture (`queue` for queue.raw), sorted. */
export function captureNames(): string[] {
  return readdirSync(AMI_CAPTURE_DIR)
    .filter((f) => f.endsWith('.raw'))
    .map((f) => f.slice(0, -4))
    .sort()
}

/** The bytes of one capture, as the socket delivered them. */
export function readCapture(name: string): Buffer {
  return readFileSync(join(AMI_CAPTURE_DIR, `${name}.raw`))
}
