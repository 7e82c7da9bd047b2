/** Shared by the AMI tests: fixtures, a seeded PRNG, and a comparable form of parsed messages. */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AmiFramer } from '../../../src-main/core/ami/framing'
import type { AmiMessage } from '../../../src-main/core/ami/message'

export const FIXTURE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'asterisk', 'ami')

export function captureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.raw'))
    .map((f) => f.slice(0, -4))
    .sort()
}

export function readCapture(name: string): Buffer {
  return readFileSync(join(FIXTURE_DIR, `${name}.raw`))
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Split bytes into pieces of 1..max bytes (log-uniform, like the bench harness's --split). */
export function randomChunks(bytes: Buffer, rand: () => number, max = 4096): Buffer[] {
  const out: Buffer[] = []
  let pos = 0
  while (pos < bytes.length) {
    const size = Math.max(1, Math.floor(Math.exp(rand() * Math.log(max))))
    out.push(bytes.subarray(pos, pos + size))
    pos += size
  }
  return out
}

export function bytewise(bytes: Buffer): Buffer[] {
  const out: Buffer[] = []
  for (let i = 0; i < bytes.length; i++) out.push(bytes.subarray(i, i + 1))
  return out
}

export interface Snapshot {
  banner: string | undefined
  messages: Array<{ fields: Array<[string, string]>; text: readonly string[] }>
}

export function snapshot(banner: string | undefined, messages: readonly AmiMessage[]): Snapshot {
  return { banner, messages: messages.map((m) => ({ fields: m.fields(), text: m.textLines })) }
}

/** Parse a sequence of chunks with a fresh framer (what the client does with socket reads). */
export function parseChunks(chunks: readonly Buffer[]): Snapshot & { errors: number; truncated: boolean } {
  const messages: AmiMessage[] = []
  let errors = 0
  const f = new AmiFramer({
    onMessage: (m) => messages.push(m),
    onProtocolError: () => {
      errors++
    },
  })
  for (const c of chunks) f.push(c)
  const banner = f.banner
  const truncated = f.end()
  return { ...snapshot(banner, messages), errors, truncated }
}
