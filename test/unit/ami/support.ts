/** Shared by the AMI tests: random chunking and a comparable form of parsed messages. */
import { AmiFramer } from '../../../src-main/core/ami/framing'
import type { AmiMessage } from '../../../src-main/core/ami/message'

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
