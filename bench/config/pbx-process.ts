/**
 * The demo PBX and its FreePBX with bulk data in a process of their own (pbx-child.ts: a real
 * FreePBX is another machine, so its work must not share the console's event loop), and the
 * console's profile for them: an admin seat, with the least-privileged AMI user. Used by
 * bench:config and bench:lamps' fresh-page run (bench/lamps/fresh-page.ts).
 */
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { builtinDemoProfile } from '../../src-main/core/profiles'
import type { BuiltinProfile } from '../../src-main/core/runtime/runtime-manager'
import { type ChildReady, startPbxProcess } from '../support/pbx-process'

const here = dirname(fileURLToPath(import.meta.url))

export interface ConfigPbxSizes {
  readonly extensions: number
  readonly ringGroups: number
  readonly routes: number
  /** Calls the demo places by itself per minute (default 0: none). */
  readonly callsPerMinute?: number
  /** The child ends itself after this long, whatever happens to its parent. */
  readonly maxLifeMs: number
}

export interface ConfigPbx {
  readonly builtin: BuiltinProfile
  stop(): Promise<void>
}

interface ConfigChildReady extends ChildReady {
  readonly freepbxPort: number
  readonly clientId: string
  readonly clientSecret: string
}

export async function startConfigPbx(sizes: ConfigPbxSizes): Promise<ConfigPbx> {
  const child = await startPbxProcess<ConfigChildReady>(
    join(here, 'pbx-child.ts'),
    {
      extensions: sizes.extensions,
      ringGroups: sizes.ringGroups,
      inboundRoutes: sizes.routes,
      rate: sizes.callsPerMinute ?? 0,
      maxLifeMs: sizes.maxLifeMs,
    },
    { cwd: resolve(here, '..', '..'), name: 'the demo FreePBX', readyTimeoutMs: 120_000 },
  )
  const ready = child.ready
  const base = builtinDemoProfile({ ami: ready.amiPort, ari: ready.ariPort, freepbxHttp: ready.freepbxPort })
  return {
    builtin: {
      profile: {
        ...base,
        operator: { ...base.operator, role: 'admin' },
        ari: { ...base.ari, user: ready.ariUser, hasSecret: true },
        ami: { ...base.ami, hasSecret: true },
        freepbx: { ...base.freepbx, clientId: ready.clientId, hasSecret: true },
      },
      secrets: { ami: ready.operatorSecret, ari: ready.ariSecret, freepbx: ready.clientSecret },
    },
    stop: async () => {
      await child.stop()
    },
  }
}
