import { startDemoPbx, type DemoPbx, type DemoPbxOptions } from '../demo'
import { freepbxDataFromEngine, startFreepbxDemoServer, type FreepbxDemoServer } from '../demo-freepbx'
import { builtinDemoProfile } from '../profiles'
import type { BuiltinProfile } from '../runtime/runtime-manager'

export interface BuiltinDemo {
  readonly pbx: DemoPbx
  /** The demo's FreePBX-style API (OAuth2 token + GraphQL), fed by the same simulated PBX. */
  readonly api: FreepbxDemoServer
  readonly builtin: BuiltinProfile
  stop(): Promise<void>
}

const DEMO_API_CLIENT = { clientId: 'attendant-demo', clientSecret: 'attendant-demo-secret' }

/**
 * Starts the simulated PBX in-process on free loopback ports and returns the profile the console
 * uses for it: the least-privileged `operator` AMI user, as a real deployment should.
 */
export async function startBuiltinDemo(options: Pick<DemoPbxOptions, 'seed' | 'rate' | 'controlPort' | 'generate'> = {}): Promise<BuiltinDemo> {
  const pbx = await startDemoPbx({
    amiPort: 0,
    ariPort: 0,
    rate: options.rate ?? 8,
    seed: options.seed ?? Date.now() % 100_000,
    ...(options.controlPort === undefined ? {} : { controlPort: options.controlPort }),
    ...(options.generate === undefined ? {} : { generate: options.generate }),
  })
  const data = freepbxDataFromEngine(pbx.engine)
  // The API edits the configuration the demo PBX follows after Apply Config.
  const api = await startFreepbxDemoServer({ port: 0, clients: [DEMO_API_CLIENT], data, config: pbx.freepbx })
  const base = builtinDemoProfile({ ami: pbx.ami.port, ari: pbx.ari.port, freepbxHttp: api.port })
  const info = pbx.info()
  const operator = info.ami.users.find((u) => u.username === 'operator')
  const ariUser = info.ari.users[0]
  if (operator === undefined || ariUser === undefined) throw new Error('The demo PBX has no operator or ARI user')
  const profile = {
    ...base,
    ari: { ...base.ari, user: ariUser.username, hasSecret: true },
    ami: { ...base.ami, hasSecret: true },
    freepbx: { ...base.freepbx, clientId: DEMO_API_CLIENT.clientId, hasSecret: true },
  }
  return {
    pbx,
    api,
    builtin: { profile, secrets: { ami: operator.secret, ari: ariUser.secret, freepbx: DEMO_API_CLIENT.clientSecret } },
    stop: async () => {
      data.stop()
      await api.close()
      await pbx.stop()
    },
  }
}
