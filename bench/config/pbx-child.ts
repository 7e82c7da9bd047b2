/**
 * The demo PBX and its FreePBX API seeded with bulk configuration, run as its own process by
 * bench/config/run.ts: a real FreePBX is another machine, so its work must not share the console's
 * event loop. Protocol (one JSON object per stdout line):
 *   argv[2] = JSON { extensions, ringGroups, inboundRoutes, rate, maxLifeMs } (rate: calls the demo places a minute, default 0)
 *   → { kind: 'ready', amiPort, ariPort, freepbxPort, operatorSecret, ariUser, ariSecret, clientId, clientSecret }
 *   stdin line 'stop' (or stdin closing, or the hard timeout) → { kind: 'stopped' } and the process exits.
 */
import { startDemoPbx } from '../../src-main/core/demo/index'
import { freepbxDataFromEngine, startFreepbxDemoServer } from '../../src-main/core/demo-freepbx'

interface ChildArgs {
  readonly extensions: number
  readonly ringGroups: number
  readonly inboundRoutes: number
  readonly rate: number
  readonly maxLifeMs: number
}

const args = JSON.parse(process.argv[2] ?? '{}') as Partial<ChildArgs>
const send = (msg: Record<string, unknown>): void => {
  process.stdout.write(JSON.stringify(msg) + '\n')
}
const client = { clientId: 'bench-config', clientSecret: 'bench-config-secret' }

const pbx = await startDemoPbx({
  amiPort: 0,
  ariPort: 0,
  rate: args.rate ?? 0,
  seed: 1,
  generate: { extensions: args.extensions ?? 5000, ringGroups: args.ringGroups ?? 300, inboundRoutes: args.inboundRoutes ?? 2000 },
})
const data = freepbxDataFromEngine(pbx.engine)
const api = await startFreepbxDemoServer({ port: 0, clients: [client], data, ...(pbx.freepbx === undefined ? {} : { config: pbx.freepbx }) })

let stopping = false
async function stop(): Promise<void> {
  if (stopping) return
  stopping = true
  data.stop()
  await api.close()
  await pbx.stop()
  send({ kind: 'stopped' })
  process.exit(0)
}
// Never outlive the bench: a hard limit, and stdin closing means the parent is gone.
setTimeout(() => void stop(), args.maxLifeMs ?? 900_000).unref()
process.stdin.on('end', () => void stop())
process.stdin.on('data', (d: Buffer) => {
  if (d.toString().includes('stop')) void stop()
})

const info = pbx.info()
const operator = info.ami.users.find((u) => u.username === 'operator')
const ariUser = info.ari.users[0]
send({
  kind: 'ready',
  amiPort: info.ami.port,
  ariPort: info.ari.port,
  freepbxPort: api.port,
  operatorSecret: operator?.secret ?? '',
  ariUser: ariUser?.username ?? '',
  ariSecret: ariUser?.secret ?? '',
  ...client,
})
