/** Minimal `--name value` / `--flag` parser for the project's small CLIs (web mode, demo PBX). */
export function parseArgs(argv: readonly string[]): Map<string, string | true> {
  const out = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument: ${arg}`)
    const eq = arg.indexOf('=')
    if (eq > 0) {
      out.set(arg.slice(2, eq), arg.slice(eq + 1))
      continue
    }
    const next = argv[i + 1]
    if (next !== undefined && !next.startsWith('--')) {
      out.set(arg.slice(2), next)
      i++
    } else {
      out.set(arg.slice(2), true)
    }
  }
  return out
}

export function portArg(args: Map<string, string | true>, name: string, fallback: number): number {
  const raw = args.get(name)
  if (raw === undefined) return fallback
  const n = Number(raw)
  if (raw === true || !Number.isInteger(n) || n < 0 || n > 65535) {
    throw new Error(`--${name} needs a port number from 0 to 65535 (0 = any free port)`)
  }
  return n
}
