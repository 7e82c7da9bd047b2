// The identity of a CDR: which records are "the same CDR" (README.md, "Identity").
//
// identity = (profile, uniqueid[:32], start (UTC second), channel[:80], dstchannel[:80], duration)
//
// - uniqueid alone is not unique per CDR: one channel writes a new CDR each time its peer
//   changes (transfer, park, atxfer captures), and client-chosen ChannelIds are reused.
// - linkedid and sequence are absent from the AMI Cdr event unless cdr_manager maps them, so a
//   key containing them would make the AMI copy and the FreePBX copy of one CDR differ; and
//   sequence restarts at 0 with Asterisk.
// - FreePBX's asteriskcdrdb stores uniqueid as varchar(32) and channels as varchar(80): the key
//   uses those prefixes so a long ChannelId or channel name still matches its backfilled copy.
//
// The tuple is hashed to 104 bits (two 52-bit integers, exact as JS numbers and as SQLite
// INTEGERs) so the unique index stays small; at 10 million CDRs per profile the chance of
// any two distinct CDRs colliding is about 10^-17.

export interface IdentityFields {
  profileId: string
  uniqueid: string
  startMs: number
  channel: string
  dstchannel: string
  duration: number
}

export const UNIQUEID_KEY_CHARS = 32
export const CHANNEL_KEY_CHARS = 80

export function identityString(f: IdentityFields): string {
  // NUL-separated; a template rather than an array join (built once per ingested CDR).
  const uid = f.uniqueid.slice(0, UNIQUEID_KEY_CHARS)
  const start = String(Math.floor(f.startMs / 1000))
  return `${f.profileId}\u0000${uid}\u0000${start}\u0000${f.channel.slice(0, CHANNEL_KEY_CHARS)}\u0000${f.dstchannel.slice(0, CHANNEL_KEY_CHARS)}\u0000${String(f.duration)}`
}

function fmix(h: number): number {
  let x = h
  x ^= x >>> 16
  x = Math.imul(x, 0x85ebca6b)
  x ^= x >>> 13
  x = Math.imul(x, 0xc2b2ae35)
  x ^= x >>> 16
  return x >>> 0
}

/**
 * Four 32-bit multiply-rotate lanes over the UTF-16 code units, cross-mixed at the end. Not a
 * cryptographic hash (the fields come from the PBX, not from callers), but well spread.
 */
export function hash104(s: string): [number, number] {
  let h1 = 0x9747b28c ^ s.length
  let h2 = 0x1b873593
  let h3 = 0xcc9e2d51
  let h4 = 0xe6546b64
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x9e3779b1)
    h1 = (h1 << 13) | (h1 >>> 19)
    h2 = Math.imul(h2 ^ c, 0x85ebca77)
    h2 = (h2 << 15) | (h2 >>> 17)
    h3 = Math.imul(h3 ^ c, 0xc2b2ae3d)
    h3 = (h3 << 17) | (h3 >>> 15)
    h4 = Math.imul(h4 ^ c, 0x27d4eb2f)
    h4 = (h4 << 11) | (h4 >>> 21)
  }
  h1 = (h1 + h2 + h3 + h4) | 0
  h2 = (h2 + h1) | 0
  h3 = (h3 + h1) | 0
  h4 = (h4 + h1) | 0
  h1 = fmix(h1)
  h2 = fmix(h2)
  h3 = fmix(h3)
  h4 = fmix(h4)
  h1 = (h1 + h2 + h3 + h4) >>> 0
  h2 = (h2 + h1) >>> 0
  h3 = (h3 + h1) >>> 0
  h4 = (h4 + h1) >>> 0
  // 32 + 20 bits per half: both below 2^52, so exact in a double and positive in SQLite.
  return [h1 * 0x100000 + (h2 >>> 12), h3 * 0x100000 + (h4 >>> 12)]
}

export function identityKey(f: IdentityFields): [number, number] {
  return hash104(identityString(f))
}
