/**
 * The console side of a bench: the real app core (createTestCore) with a built-in profile for the
 * PBX child's AMI/ARI ports, its runtime started and its live state synced.
 */
import { rmSync } from 'node:fs'
import { builtinDemoProfile } from '../../src-main/core/profiles'
import type { BuiltinProfile } from '../../src-main/core/runtime/runtime-manager'
import type { Role } from '../../src-preload/types/profile'
import { createTestCore } from '../../test/support/test-core'
import type { ChildReady } from './pbx-process'

export const BENCH_PROFILE_ID = 'demo'

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** The demo profile pointed at the child's ports with its `operator` credentials; `role` for the seat (receptionist by default). */
export function builtinFor(ready: ChildReady, role?: Role): BuiltinProfile {
  const base = builtinDemoProfile({ ami: ready.amiPort, ari: ready.ariPort })
  return {
    profile: {
      ...base,
      ari: { ...base.ari, user: ready.ariUser, hasSecret: true },
      ami: { ...base.ami, hasSecret: true },
      operator: { ...base.operator, role: role ?? base.operator.role },
    },
    secrets: { ami: ready.operatorSecret, ari: ready.ariSecret },
  }
}

export type BenchCore = ReturnType<typeof createTestCore>
export type BenchRuntime = ReturnType<BenchCore['runtimes']['get']>

export interface BenchConsole {
  readonly core: BenchCore
  readonly runtime: BenchRuntime
  /** Milliseconds from start to the first live snapshot. */
  readonly syncMs: number
  readonly close: () => Promise<void>
}

/** Starts the core against the child and waits (≤ 60 s) for its runtime's first live snapshot. */
export async function startConsole(ready: ChildReady, opts: { readonly role?: Role } = {}): Promise<BenchConsole> {
  const core = createTestCore({
    builtinProfile: builtinFor(ready, opts.role),
    appInfo: { name: 'Attendant', version: '0.1.0', platform: process.platform, mode: 'web', demo: true, demoProfileId: BENCH_PROFILE_ID },
  })
  const close = async (): Promise<void> => {
    await core.close()
    rmSync(core.dataDir, { recursive: true, force: true })
  }
  const t0 = performance.now()
  try {
    await core.start()
    for (let i = 0; i < 600; i++) {
      try {
        const rt = core.runtimes.get(BENCH_PROFILE_ID)
        if (rt.session.amiClient !== undefined && rt.coalescer.snapshot().state.meta.status === 'live') {
          return { core, runtime: rt, syncMs: Math.round(performance.now() - t0), close }
        }
      } catch {
        // the runtime is not registered yet
      }
      await sleep(100)
    }
    throw new Error('the console never connected to the PBX child')
  } catch (err) {
    await close()
    throw err
  }
}
