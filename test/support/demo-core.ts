/**
 * A full core (createTestCore) connected to a fresh demo PBX as its built-in profile `demo`, and a
 * window's view of a profile's live state: what the contract tests attack and read back.
 */
import { expect } from 'vitest'
import { startBuiltinDemo, type BuiltinDemo } from '../../src-main/core/app/builtin-demo'
import type { PbxProfile } from '../../src-main/core/profiles'
import { emptyLiveState, type LiveMessage, type LiveState } from '../../src-preload/types/live'
import type { Cleanups } from './cleanups'
import { applyLivePatch } from './live-patches'
import { createTestCore } from './test-core'

export type TestCore = ReturnType<typeof createTestCore>

/** One profile's live state as a window follows it: the snapshot, then each patch. */
export interface LiveWatch {
  readonly state: () => LiveState
  /** Subscribes the watching client (again: a runtime restarted by a save needs a new subscription). */
  readonly subscribe: () => Promise<unknown>
}

export function watchLive(core: Pick<TestCore, 'bus' | 'dispatch'>, profileId = 'demo'): LiveWatch {
  let state = emptyLiveState()
  const clientId = `watch-${profileId}`
  core.bus.register(clientId, {
    send: (channel, payload) => {
      if (channel !== 'live.message') return
      const msg = payload as LiveMessage
      state = msg.kind === 'snapshot' ? msg.snapshot.state : applyLivePatch(state, msg.patch)
    },
    isBackedUp: () => false,
  })
  return {
    state: () => state,
    subscribe: () => core.dispatch('live.subscribe', { profileId }, { clientId, transport: 'web' }),
  }
}

/**
 * Waits until the profile's runtime is connected and its live state lists `extension` (actions
 * name channels, and the guard knows the PBX's extensions, only from then on).
 */
export async function untilLoaded(core: TestCore, profileId = 'demo', extension = '105'): Promise<LiveWatch> {
  await expect.poll(() => core.runtimes.statuses().find((s) => s.profileId === profileId)?.ami, { timeout: 15_000 }).toBe('connected')
  const watch = watchLive(core, profileId)
  await expect
    .poll(
      async () => {
        await watch.subscribe()
        return watch.state().extensions[extension] !== undefined
      },
      { timeout: 15_000 },
    )
    .toBe(true)
  return watch
}

export interface DemoCoreOptions {
  readonly seed: number
  /** The seat: role, read-only, own extension. */
  readonly operator?: Partial<PbxProfile['operator']>
  /** Any other field of the built-in profile (dial limits…). */
  readonly profile?: Partial<Omit<PbxProfile, 'operator'>>
  /** The live state must list this extension before the test starts. */
  readonly loadedWith?: string
  /** Another of the demo's AMI users (name = secret), e.g. `supervisor`, which may record calls. */
  readonly amiUser?: string
}

export interface DemoCore {
  readonly core: TestCore
  readonly demo: BuiltinDemo
  readonly live: LiveWatch
}

/** The demo PBX (no random calls) and a started core with it as profile `demo`, loaded. */
export async function startDemoCore(options: DemoCoreOptions, cleanups: Cleanups): Promise<DemoCore> {
  const demo = await startBuiltinDemo({ rate: 0, seed: options.seed })
  cleanups.push(() => demo.stop())
  const base = demo.builtin.profile
  const user = options.amiUser
  const profile = { ...base, ...options.profile, operator: { ...base.operator, ...options.operator } }
  const core = createTestCore({
    builtinProfile:
      user === undefined
        ? { ...demo.builtin, profile }
        : { profile: { ...profile, ami: { ...profile.ami, user } }, secrets: { ...demo.builtin.secrets, ami: user } },
  })
  cleanups.push(() => core.close())
  await core.start()
  const live = await untilLoaded(core, 'demo', options.loadedWith)
  return { core, demo, live }
}
