/**
 * Applying live patches to a whole LiveState at once: the reference the tests hold the renderer's
 * incremental tables (stores/live-tables.ts) and main's patch merging to. Only tests use it, so it
 * lives here rather than in the contract's types.
 */
import type { CollectionPatch, EntityOf, LivePatch, LiveState } from '../../src-preload/types/live'
import { applyQueuesPatches } from '../../src-preload/types/live-queue-patch'

/** Null prototype: keys are PBX-supplied strings (a queue named `__proto__` must stay data). */
function copyOf<E>(record: Readonly<Record<string, E>>): Record<string, E> {
  return Object.assign(Object.create(null) as Record<string, E>, record)
}

/**
 * The next version of one collection after several patches, copied once however many patches
 * touch it (a frame can carry a few). Untouched collections keep their identity.
 */
export function applyCollectionPatches<E>(
  current: Readonly<Record<string, E>>,
  patches: readonly (CollectionPatch<E> | undefined)[],
): Readonly<Record<string, E>> {
  let next: Record<string, E> | undefined
  for (const patch of patches) {
    if (patch === undefined) continue
    // Removals first, then upserts (an id in both ends up present, as it always has).
    for (const id of patch.remove) {
      if (next === undefined && !(id in current)) continue
      next ??= copyOf(current)
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a Record keyed by entity id
      delete next[id]
    }
    for (const id in patch.upsert) {
      const e = patch.upsert[id]
      if (e === undefined) continue
      next ??= copyOf(current)
      next[id] = e
    }
  }
  return next ?? current
}

/**
 * Pure: the state after applying `patches` in order (each patch's seq follows the previous one;
 * the caller checks). One copy per touched collection for the whole list, so a renderer that
 * applies a frame's patches together pays once per frame, not once per patch.
 */
export function applyLivePatches(state: LiveState, patches: readonly LivePatch[]): LiveState {
  if (patches.length === 0) return state
  let meta = state.meta
  for (const p of patches) meta = p.meta ?? meta
  return {
    meta,
    channels: applyCollectionPatches<EntityOf<'channels'>>(
      state.channels,
      patches.map((p) => p.channels),
    ),
    calls: applyCollectionPatches<EntityOf<'calls'>>(
      state.calls,
      patches.map((p) => p.calls),
    ),
    extensions: applyCollectionPatches<EntityOf<'extensions'>>(
      state.extensions,
      patches.map((p) => p.extensions),
    ),
    devices: applyCollectionPatches<EntityOf<'devices'>>(
      state.devices,
      patches.map((p) => p.devices),
    ),
    // Queues also change in part (members and callers by key): see live-queue-patch.ts.
    queues: applyQueuesPatches(
      state.queues,
      patches.map((p) => p.queues),
    ),
    parked: applyCollectionPatches<EntityOf<'parked'>>(
      state.parked,
      patches.map((p) => p.parked),
    ),
    bridges: applyCollectionPatches<EntityOf<'bridges'>>(
      state.bridges,
      patches.map((p) => p.bridges),
    ),
  }
}

/** Pure: the state after `patch`. Untouched collections keep their identity (cheap selectors). */
export function applyLivePatch(state: LiveState, patch: LivePatch): LiveState {
  return applyLivePatches(state, [patch])
}
