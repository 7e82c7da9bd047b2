/**
 * Main's share of the workspace, without a browser: `config.status` and each shown list's
 * `config.list` through the real dispatcher (admin seat, FreePBX client, the FreePBX in its own
 * process), timed one after the other, and the JSON each answer crosses the contract as.
 */
import type { InvokeChannel } from '../../src-preload/contract'
import { percentile } from '../live/stats'

/** The one thing this needs of the core: `dispatch`, as the web transport calls it. */
export interface Dispatcher {
  dispatch(channel: InvokeChannel, input: unknown, ctx: { clientId: string; transport: 'web' }): Promise<{ ok: boolean; value?: unknown }>
}

export interface CallFigures {
  readonly call: string
  /** Wall time of each call, ms. */
  readonly ms: readonly number[]
  /** The answer's JSON, bytes (the same every round). */
  readonly bytes: number
}

const CALLS: readonly { readonly call: string; readonly channel: InvokeChannel; readonly input: (profileId: string) => unknown }[] = [
  { call: 'config.status', channel: 'config.status', input: (profileId) => ({ profileId }) },
  { call: 'config.list extensions', channel: 'config.list', input: (profileId) => ({ profileId, kind: 'extension' }) },
  { call: 'config.list ring groups', channel: 'config.list', input: (profileId) => ({ profileId, kind: 'ringGroup' }) },
  { call: 'config.list inbound routes', channel: 'config.list', input: (profileId) => ({ profileId, kind: 'inboundRoute' }) },
]

export async function measureMainCalls(core: Dispatcher, profileId: string, rounds: number): Promise<CallFigures[]> {
  const ctx = { clientId: 'bench-main', transport: 'web' as const }
  const out: CallFigures[] = []
  for (const c of CALLS) {
    const ms: number[] = []
    let bytes = 0
    // One call first to warm the token and JIT, not counted.
    await core.dispatch(c.channel, c.input(profileId), ctx)
    for (let i = 0; i < rounds; i++) {
      const t0 = performance.now()
      const r = await core.dispatch(c.channel, c.input(profileId), ctx)
      ms.push(performance.now() - t0)
      if (!r.ok) throw new Error(`${c.call} failed: ${JSON.stringify(r).slice(0, 200)}`)
      bytes = Buffer.byteLength(JSON.stringify(r.value))
    }
    out.push({ call: c.call, ms, bytes })
  }
  return out
}

export function mainCallsTable(figures: readonly CallFigures[]): string {
  const ms = (v: number): string => `${v.toFixed(1)} ms`
  const size = (b: number): string => (b >= 1_000_000 ? `${(b / 1_000_000).toFixed(2)} MB` : `${(b / 1000).toFixed(1)} kB`)
  return [
    '| main, through the dispatcher | median / max | answer |',
    '|---|---|---|',
    ...figures.map((f) => `| ${f.call} | ${ms(percentile(f.ms, 50))} / ${ms(Math.max(...f.ms))} | ${size(f.bytes)} |`),
  ].join('\n')
}
