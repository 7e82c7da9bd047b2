import { describe, expect, it } from 'vitest'
import { ACTION_POLICY } from '../../../src-main/core/api/action-policies'
import { slices } from '../../../src-main/core/api/slices'
import { CapabilityRegistry, defineCapability, type CapabilityDeps, type CapabilityHost } from '../../../src-main/core/runtime/capability'

/** The deps are never touched by these capabilities; only their identity is compared. */
const deps = (): CapabilityDeps =>
  ({
    profile: () => {
      throw new Error('unused')
    },
  }) as unknown as CapabilityDeps

describe('a runtime’s capabilities', () => {
  it('builds each capability once, on first use, from that runtime’s deps', () => {
    const seen: (CapabilityDeps & CapabilityHost)[] = []
    const counter = defineCapability((d) => {
      seen.push(d)
      return { n: seen.length }
    })
    const own = deps()
    const registry = new CapabilityRegistry(own)
    expect(seen).toEqual([])
    const first = registry.use(counter)
    expect(registry.use(counter)).toBe(first)
    expect(seen).toHaveLength(1)
    // The runtime's own deps, plus `use` to reach its other capabilities (the same registry).
    expect(seen[0]?.profile).toBe(own.profile)
    const other = defineCapability(() => ({ k: 'other' }))
    expect(seen[0]?.use(other)).toBe(registry.use(other))
  })

  it('keeps runtimes apart: another runtime builds its own', () => {
    const made = defineCapability(() => ({}))
    const a = new CapabilityRegistry(deps())
    const b = new CapabilityRegistry(deps())
    expect(a.use(made)).not.toBe(b.use(made))
  })
})

describe('the console’s guarded actions', () => {
  it('are exactly every slice’s own policies, none declared twice', () => {
    const declared = slices.flatMap((s) => Object.keys(s.policies))
    expect(new Set(declared).size).toBe(declared.length)
    expect(Object.keys(ACTION_POLICY).sort()).toEqual([...declared].sort())
    for (const slice of slices)
      for (const [action, policy] of Object.entries(slice.policies)) expect(ACTION_POLICY[action as keyof typeof ACTION_POLICY]).toBe(policy)
  })
})
