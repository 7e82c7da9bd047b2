import { startDemoPbx, type DemoPbx, type DemoPbxOptions } from '../demo'
import { builtinDemoProfile } from '../profiles'
import type { BuiltinProfile } from '../runtime/runtime-manager'

export interface BuiltinDemo {
  readonly pbx: DemoPbx
  readonly builtin: BuiltinProfile
}

/**
 * Starts the simulated PBX in-process on free loopback ports and returns the profile the console
 * uses for it: the least-privileged `operator` AMI user, as a real deployment should.
 */
export async function startBuiltinDemo(options: Pick<DemoPbxOptions, 'seed' | 'rate' | 'controlPort'> = {}): Promise<BuiltinDemo> {
  const pbx = await startDemoPbx({ amiPort: 0, ariPort: 0, rate: options.rate ?? 8, seed: options.seed ?? Date.now() % 100_000, ...(options.controlPort === undefined ? {} : { controlPort: options.controlPort }) })
  const profile = builtinDemoProfile({ ami: pbx.ami.port, ari: pbx.ari.port })
  const operator = pbx.info().ami.users.find((u) => u.username === 'operator')
  if (operator === undefined) throw new Error('The demo PBX has no operator user')
  return { pbx, builtin: { profile, amiSecret: operator.secret } }
}
