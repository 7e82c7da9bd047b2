const REDACTED = '[redacted]'

/**
 * Replaces every occurrence of each secret in `text`, also in the encoded forms a secret takes
 * when it is embedded in a URL or a JSON string, so a log line can never carry one.
 * Longer secrets are replaced first so a secret that contains another is removed whole.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const needles = new Set<string>()
  for (const secret of secrets) {
    if (secret.length === 0) continue
    needles.add(secret)
    needles.add(encodeURIComponent(secret))
    needles.add(JSON.stringify(secret).slice(1, -1))
    needles.add(Buffer.from(secret, 'utf8').toString('base64'))
  }
  let out = text
  for (const needle of [...needles].sort((a, b) => b.length - a.length)) {
    if (needle.length === 0) continue
    out = out.split(needle).join(REDACTED)
  }
  return out
}

/** Deep variant for structured log/audit records: every string inside is redacted. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redact(value, secrets)
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets))
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = redactDeep(item, secrets)
    return out
  }
  return value
}
