// Reads the Cdr events out of the real AMI captures with a deliberately small frame splitter
// (the AMI parser belongs to another module; these tests must not depend on it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const AMI_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/asterisk/ami');

/** Each Cdr event of a capture as ordered [key, value] pairs, values decoded as UTF-8 with replacement. */
export function cdrEventsOf(file: string): [string, string][][] {
  const raw = fs.readFileSync(path.join(AMI_DIR, file));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
  const out: [string, string][][] = [];
  for (const block of text.split('\r\n\r\n')) {
    const lines = block.split('\r\n').filter((l) => l !== '');
    if (!lines.includes('Event: Cdr')) continue;
    const start = lines.indexOf('Event: Cdr');
    out.push(
      lines.slice(start).map((l): [string, string] => {
        const i = l.indexOf(':');
        return [l.slice(0, i), l.slice(i + 1).replace(/^ /, '')];
      }),
    );
  }
  return out;
}

export function captureFiles(): string[] {
  return fs.readdirSync(AMI_DIR).filter((f) => f.endsWith('.raw')).sort();
}
