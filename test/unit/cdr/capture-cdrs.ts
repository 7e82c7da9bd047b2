// Reads the Cdr events out of the real AMI captures with a deliberately small frame splitter
// (the AMI parser belongs to another module; these tests must not depend on it).
import { captureNames, readCapture } from '../../support/captures'

/** Each Cdr event of a capture (`queue.raw`) as ordered [key, value] pairs, values decoded as UTF-8 with replacement. */
export function cdrEventsOf(file: string): [string, string][][] {
  const raw = readCapture(file.replace(/\.raw$/, ''))
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw)
  const out: [string, string][][] = []
  for (const block of text.split('\r\n\r\n')) {
    const lines = block.split('\r\n').filter((l) => l !== '')
    if (!lines.includes('Event: Cdr')) continue
    const start = lines.indexOf('Event: Cdr')
    out.push(
      lines.slice(start).map((l): [string, string] => {
        const i = l.indexOf(':')
        return [l.slice(0, i), l.slice(i + 1).replace(/^ /, '')]
      }),
    )
  }
  return out
}

export function captureFiles(): string[] {
  return captureNames()
    .map((name) => `${name}.raw`)
    .sort()
}
