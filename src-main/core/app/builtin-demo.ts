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

export interface BuiltinDemoOptions extends Pick<DemoPbxOptions, 'seed' | 'rate' | 'controlPort' | 'generate'> {
  /**
   * The demo's AMI user the console logs in as (see demo/ami-users.ts). Default `operator`, the
   * least-privileged user (call control only: the tests hold the console to it); the shells pass
   * `attendant`, which may also set DND, forwarding and day/night and record calls, so the demo
   * shows every feature working.
   */
  readonly amiUser?: 'operator' | 'supervisor' | 'attendant'
}

/**
 * Starts the simulated PBX in-process on free loopback ports and returns the profile the console
 * uses for it, logged in as the AMI user the options name.
 */
export async function startBuiltinDemo(options: BuiltinDemoOptions = {}): Promise<BuiltinDemo> {
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
  const amiUser = info.ami.users.find((u) => u.username === (options.amiUser ?? 'operator'))
  const ariUser = info.ari.users[0]
  if (amiUser === undefined || ariUser === undefined) throw new Error('The demo PBX has no such AMI user or no ARI user')
  const profile = {
    ...base,
    ari: { ...base.ari, user: ariUser.username, hasSecret: true },
    ami: { ...base.ami, user: amiUser.username, hasSecret: true },
    freepbx: { ...base.freepbx, clientId: DEMO_API_CLIENT.clientId, hasSecret: true },
  }
  return {
    pbx,
    api,
    builtin: { profile, secrets: { ami: amiUser.secret, ari: ariUser.secret, freepbx: DEMO_API_CLIENT.clientSecret } },
    stop: async () => {
      data.stop()
      await api.close()
      await pbx.stop()
    },
  }
}
