/**
 * `npm run demo:pbx`: the simulated Asterisk alone, so any AMI or ARI tool can connect.
 * Flags: --ami-port N, --ari-port N (0 = any free port), --seed N, --rate N (calls/minute),
 * --load [concurrent[:callsPerSecond]], --profile office|lab, --control-port N.
 * When ready it prints ONE JSON line: {"ami":{host,port,users},"ari":{…},"control":…,"profile","seed"}.
 */
import { startDemoPbx, type DemoPbxOptions } from './core/demo/index'

function parseArgs(argv: readonly string[]): DemoPbxOptions {
  const opts: { -readonly [K in keyof DemoPbxOptions]: DemoPbxOptions[K] } = {}
  const intArg = (name: string, value: string | undefined): number => {
    const n = Number(value)
    if (value === undefined || !Number.isInteger(n) || n < 0) throw new Error(`${name} needs a non-negative integer`)
    return n
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const next = (): string | undefined => argv[++i]
    switch (arg) {
      case '--ami-port':
        opts.amiPort = intArg(arg, next())
        break
      case '--ari-port':
        opts.ariPort = intArg(arg, next())
        break
      case '--control-port':
        opts.controlPort = intArg(arg, next())
        break
      case '--seed':
        opts.seed = intArg(arg, next())
        break
      case '--rate':
        opts.rate = Number(next())
        if (!Number.isFinite(opts.rate) || opts.rate < 0) throw new Error('--rate needs a number of calls per minute')
        break
      case '--profile': {
        const p = next()
        if (p !== 'office' && p !== 'lab') throw new Error('--profile is office or lab')
        opts.profile = p
        break
      }
      case '--load': {
        const peek = argv[i + 1]
        let concurrent = 5000
        let cps = 50
        if (peek !== undefined && /^\d+(:\d+)?$/.test(peek)) {
          i++
          const [c, r] = peek.split(':')
          concurrent = Number(c)
          if (r !== undefined) cps = Number(r)
        }
        opts.load = { concurrentCalls: concurrent, callsPerSecond: cps }
        break
      }
      default:
        throw new Error(`unknown flag ${String(arg)}`)
    }
  }
  return opts
}

async function main(): Promise<void> {
  let options: DemoPbxOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`demo-pbx: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(2)
  }
  const pbx = await startDemoPbx(options)
  process.stdout.write(`${JSON.stringify(pbx.info())}\n`)
  const shutdown = (): void => {
    pbx.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

main().catch((err: unknown) => {
  process.stderr.write(`demo-pbx: ${err instanceof Error ? err.message : String(err)}\n`)
  process.exit(1)
})
