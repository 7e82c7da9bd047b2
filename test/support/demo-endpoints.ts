/**
 * The demo PBX (AMI, ARI) and the demo FreePBX API as one PBX profile's three endpoints, with a
 * least-privileged console user on each (AMI `console`: read call,reporting, write
 * call,reporting,originate; ARI `console`; FreePBX application `attendant`), as the connection
 * tests set them up. Each endpoint may sit behind a front (a proxy, a TLS terminator).
 */
import {
  type FreepbxDemoClient,
  type FreepbxDemoOptions,
  type FreepbxDemoServer,
  startFreepbxDemoServer,
} from '../../src-main/core/demo-freepbx/index'
import { type DemoPbx, startDemoPbx } from '../../src-main/core/demo/index'
import { type AmiUser, makeUser } from '../../src-main/core/demo/ami-users'
import { type PbxProfile, type SecretKind, builtinDemoProfile } from '../../src-main/core/profiles/index'
import type { Cleanups } from './cleanups'
import type { LoopbackFront } from './loopback'

export type EndpointName = 'ami' | 'ari' | 'rest'

export interface DemoEndpointsOptions<F extends LoopbackFront = LoopbackFront> {
  /** The console's secret on each endpoint. */
  readonly secrets: Record<SecretKind, string>
  /** AMI users beside `console` (other permissions, to probe them). */
  readonly moreAmiUsers?: readonly AmiUser[]
  /** FreePBX applications beside `attendant`. */
  readonly moreApiClients?: readonly FreepbxDemoClient[]
  /** How long the demo AMI waits before refusing a login (Asterisk: about 1 s). */
  readonly authFailDelayMs?: number
  /** The FreePBX API's token lifetime and clock. */
  readonly api?: Pick<FreepbxDemoOptions, 'tokenLifetimeSec' | 'now'>
  /** Puts something in front of each endpoint's port; the profile then points at the front. */
  readonly front?: (targetPort: number) => Promise<F>
}

export interface DemoEndpoints<F extends LoopbackFront = LoopbackFront> {
  readonly pbx: DemoPbx
  readonly api: FreepbxDemoServer
  /** The profile the console would save for this PBX (users above, ports of the fronts if any). */
  readonly profile: PbxProfile
  /** The fronts, when `front` was given. */
  readonly fronts: Record<EndpointName, F> | undefined
}

/** Starts the three endpoints (and their fronts); everything is stopped by `cleanups`, last first. */
export async function startDemoEndpoints<F extends LoopbackFront = LoopbackFront>(
  options: DemoEndpointsOptions<F>,
  cleanups: Cleanups,
): Promise<DemoEndpoints<F>> {
  const { secrets } = options
  const pbx = await startDemoPbx({
    amiPort: 0,
    ariPort: 0,
    rate: 0,
    ...(options.authFailDelayMs === undefined ? {} : { authFailDelayMs: options.authFailDelayMs }),
    amiUsers: [makeUser('console', secrets.ami, 'call,reporting', 'call,reporting,originate'), ...(options.moreAmiUsers ?? [])],
    ariUsers: [{ username: 'console', secret: secrets.ari }],
  })
  cleanups.push(() => pbx.stop())
  const api = await startFreepbxDemoServer({
    clients: [{ clientId: 'attendant', clientSecret: secrets.freepbx }, ...(options.moreApiClients ?? [])],
    config: pbx.freepbx,
    ...options.api,
  })
  cleanups.push(() => api.close())
  let fronts: Record<EndpointName, F> | undefined
  if (options.front !== undefined) {
    fronts = { ami: await options.front(pbx.ami.port), ari: await options.front(pbx.ari.port), rest: await options.front(api.port) }
    for (const f of Object.values(fronts)) cleanups.push(() => f.close())
  }
  const base = builtinDemoProfile({
    ami: fronts?.ami.port ?? pbx.ami.port,
    ari: fronts?.ari.port ?? pbx.ari.port,
    freepbxHttp: fronts?.rest.port ?? api.port,
  })
  const profile: PbxProfile = {
    ...base,
    ami: { ...base.ami, user: 'console' },
    ari: { ...base.ari, user: 'console' },
    freepbx: { ...base.freepbx, clientId: 'attendant' },
  }
  return { pbx, api, profile, fronts }
}
