/**
 * `npm run demo:pbx`: the simulated Asterisk and its simulated FreePBX's API, so any AMI, ARI or
 * FreePBX API tool can connect.
 * Flags: --ami-port N, --ari-port N, --freepbx-port N (0 = any free port), --seed N, --rate N
 * (calls/minute), --load [concurrent[:callsPerSecond]], --profile office|lab, --control-port N,
 * --freepbx-version 16|17, --generate extensions:ringGroups:inboundRoutes (bulk configuration).
 * When ready it prints ONE JSON line: {"ami":{host,port,users},"ari":{…},"control":…,"profile","seed",
 * "freepbx":{baseUrl,tokenUrl,graphqlUrl,restUrl,clientId,clientSecret,version}} (office profile).
 */
import { randomBytes } from 'node:crypto'
import { startFreepbxDemoServer } from './core/demo-freepbx/index'
import { startDemoPbx, type DemoPbxOptions } from './core/demo/index'

interface Options {
  readonly pbx: DemoPbxOptions
  readonly freepbxPort: number
  readonly freepbxVersion: '16' | '17'
}

function parseArgs(argv: readonly string[]): Options {
  const opts: { -readonly [K in keyof DemoPbxOptions]: DemoPbxOptions[K] } = {}
  let freepbxPort = 8089
  let freepbxVersion: '16' | '17' = '17'
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
      case '--freepbx-port':
        freepbxPort = intArg(arg, next())
        break
      case '--freepbx-version': {
        const v = next()
        if (v !== '16' && v !== '17') throw new Error('--freepbx-version is 16 or 17')
        freepbxVersion = v
        break
      }
      case '--generate': {
        const [e, r, d] = (next() ?? '').split(':').map((x) => intArg(arg, x))
        opts.generate = { extensions: e ?? 0, ringGroups: r ?? 0, inboundRoutes: d ?? 0 }
        break
      }
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
  return { pbx: opts, freepbxPort, freepbxVersion }
}

async function main(): Promise<void> {
  let options: Options
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err) {
    process.stderr.write(`demo-pbx: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(2)
  }
  const pbx = await startDemoPbx(options.pbx)
  // A Machine-to-Machine application as FreePBX makes one: 64 hex id, 32 hex secret.
  const client = { clientId: randomBytes(32).toString('hex'), clientSecret: randomBytes(16).toString('hex') }
  const api =
    pbx.freepbx === undefined
      ? undefined
      : await listenPreferred(
          (port) => startFreepbxDemoServer({ port, clients: [client], config: pbx.freepbx, version: options.freepbxVersion }),
          options.freepbxPort,
        )
  const freepbx =
    api === undefined
      ? undefined
      : {
          baseUrl: api.baseUrl,
          tokenUrl: `${api.baseUrl}/admin/api/api/token`,
          graphqlUrl: `${api.baseUrl}/admin/api/api/gql`,
          restUrl: `${api.baseUrl}/admin/api/api/rest`,
          ...client,
          version: options.freepbxVersion,
        }
  process.stdout.write(`${JSON.stringify({ ...pbx.info(), freepbx })}\n`)
  const shutdown = (): void => {
    Promise.all([api?.close(), pbx.stop()]).then(
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

/** The wanted port, or any free one when the default is taken (8089 beside ARI's 8088). */
async function listenPreferred<T>(start: (port: number) => Promise<T>, port: number): Promise<T> {
  try {
    return await start(port)
  } catch (err) {
    if (port === 8089) return start(0)
    throw err
  }
}
