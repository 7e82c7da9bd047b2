/**
 * A core connected to the built-in demo (demo PBX + its demo FreePBX) for the configuration
 * contract tests, with Apply polling shortened, and a window that records the events it gets.
 */
import { expect } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../../src-main/core/app/builtin-demo'
import { startFreepbxDemoServer } from '../../../src-main/core/demo-freepbx/index'
import type { PbxProfile } from '../../../src-main/core/profiles'
import type { InvokeChannel, InvokeOutput } from '../../../src-preload/contract'
import type { ConfigApplyProgress, ConfigItem, ConfigKind } from '../../../src-preload/types/config'
import type { Cleanups } from '../../support/cleanups'
import { untilLoaded, type LiveWatch, type TestCore } from '../../support/demo-core'
import { createTestCore } from '../../support/test-core'

export const ctx = { clientId: 'web-7', transport: 'web' as const }

export interface ConfigCore {
  readonly core: TestCore
  readonly demo: BuiltinDemo
  readonly live: LiveWatch
  /** The FreePBX API base URL the profile uses (the demo's, or the narrowed one). */
  readonly freepbxBaseUrl: string
  /** `config.progress` events this window received. */
  readonly progress: ConfigApplyProgress[]
  /** Every event payload this window received, as JSON (to scan for secrets). */
  readonly seen: string[]
  call<C extends InvokeChannel>(channel: C, input: unknown): Promise<InvokeOutput<C>>
  get<K extends ConfigKind>(kind: K, id: string): Promise<ConfigItem<K>>
}

/**
 * The FreePBX the profile talks to, when not the demo's own API: the same configuration served by
 * a second API whose application has only `scopes`, or `path` under it (`/nothing-here`: no API module).
 */
export interface ApiVariant {
  readonly scopes?: readonly string[]
  readonly path?: string
}

export async function startConfigCore(
  cleanups: Cleanups,
  operator: Partial<PbxProfile['operator']> = { role: 'admin' },
  profile: Partial<Omit<PbxProfile, 'operator'>> = {},
  api: ApiVariant = {},
): Promise<ConfigCore> {
  const demo = await startBuiltinDemo({ rate: 0, seed: 17 })
  cleanups.push(() => demo.stop())
  // Apply Config ends quickly in the demo; stuck ones are called unknown after 1.5 s here.
  demo.api.handler.setReloadBehaviour({ delayMs: 200, outcome: 'executed' })
  const base = demo.builtin.profile
  let baseUrl = demo.api.baseUrl
  if (api.scopes !== undefined) {
    const client = { clientId: base.freepbx.clientId, clientSecret: demo.builtin.secrets.freepbx ?? '', allowedScopes: api.scopes }
    const narrow = await startFreepbxDemoServer({ port: 0, clients: [client], config: demo.pbx.freepbx })
    cleanups.push(() => narrow.close())
    baseUrl = narrow.baseUrl
  }
  const freepbx = { ...base.freepbx, ...(profile.freepbx ?? {}), baseUrl: `${baseUrl}${api.path ?? ''}` }
  const core = createTestCore({
    builtinProfile: { ...demo.builtin, profile: { ...base, ...profile, freepbx, operator: { ...base.operator, ...operator } } },
    configApplyTiming: { pollMs: 100, timeoutMs: 1500 },
  })
  cleanups.push(() => core.close())
  await core.start()
  const live = await untilLoaded(core, 'demo', '105')
  const progress: ConfigApplyProgress[] = []
  const seen: string[] = []
  core.bus.register(ctx.clientId, {
    send: (channel, payload) => {
      seen.push(JSON.stringify([channel, payload]))
      if (channel === 'config.progress') progress.push(payload as ConfigApplyProgress)
    },
    isBackedUp: () => false,
  })
  const call = async <C extends InvokeChannel>(channel: C, input: unknown): Promise<InvokeOutput<C>> => {
    const r = await core.dispatch(channel, input, ctx)
    seen.push(JSON.stringify(r))
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`)
    return r.value as InvokeOutput<C>
  }
  return {
    core,
    demo,
    live,
    freepbxBaseUrl: freepbx.baseUrl,
    progress,
    seen,
    call,
    get: async <K extends ConfigKind>(kind: K, id: string) => (await call('config.get', { profileId: 'demo', kind, id })) as ConfigItem<K>,
  }
}

/** Waits for the apply's last progress event (executed, failed or unknown). */
export async function applyOutcome(c: ConfigCore, applyId: string, timeout = 8000): Promise<ConfigApplyProgress> {
  let last: ConfigApplyProgress | undefined
  await expect
    .poll(
      () => {
        last = c.progress.filter((p) => p.applyId === applyId).at(-1)
        return last?.state === 'executed' || last?.state === 'failed' || last?.state === 'unknown'
      },
      { timeout },
    )
    .toBe(true)
  if (last === undefined) throw new Error('no progress')
  return last
}
