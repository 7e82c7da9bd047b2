/**
 * AMI wire format as the demo PBX writes it: `Key: Value\r\n` lines closed by an empty line.
 * Values are written as raw UTF-8 bytes (Asterisk escapes nothing). CR and LF inside a value
 * would let one header forge another, so they are replaced by spaces: a real Asterisk cannot
 * produce them either, because it reads its own input line by line.
 */

export type AmiField = readonly [key: string, value: string]

export type AmiFields = readonly AmiField[]

const LINE_BREAKS = /[\r\n]/g

export function encodeAmiMessage(fields: AmiFields): Buffer {
  let text = ''
  for (const [key, value] of fields) {
    text += `${key.replace(LINE_BREAKS, ' ')}: ${value.replace(LINE_BREAKS, ' ')}\r\n`
  }
  return Buffer.from(`${text}\r\n`, 'utf8')
}

/** First value of a key, looked up case-insensitively (Asterisk's own lookups are). */
export function fieldValue(fields: AmiFields, key: string): string | undefined {
  const wanted = key.toLowerCase()
  for (const [k, v] of fields) if (k.toLowerCase() === wanted) return v
  return undefined
}

/** Every value of a repeatable key (`Variable:` in Originate), in order. */
export function fieldValues(fields: AmiFields, key: string): string[] {
  const wanted = key.toLowerCase()
  const out: string[] = []
  for (const [k, v] of fields) if (k.toLowerCase() === wanted) out.push(v)
  return out
}

export const AMI_BANNER = 'Asterisk Call Manager/11.0.0\r\n'
