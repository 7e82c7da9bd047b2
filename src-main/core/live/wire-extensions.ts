/**
 * Extensions as windows get them. The model keeps every call an extension is in (a phone facing a
 * trunk can be in hundreds), but the BLF tile names two and counts the rest; sending the whole
 * list with every change made it most of each patch under load (5,000 calls over 20 phones:
 * ~30 KiB per patch, stringified and parsed every frame). Windows get the first few ids, in the
 * model's order, and `callCount` when the list was cut.
 */
import type { CollectionPatch, LiveExtension, LivePatch, LiveSnapshot } from '../../../src-preload/types/live'

/** Call ids an extension carries to a window: enough to name two known parties. */
export const EXTENSION_CALL_IDS_SENT = 8

/** Each model extension object is cut once (patches and snapshots share the result). */
const cut = new WeakMap<LiveExtension, LiveExtension>()

export function extensionForWire(ext: LiveExtension): LiveExtension {
  if (ext.callIds.length <= EXTENSION_CALL_IDS_SENT) return ext
  let out = cut.get(ext)
  if (out === undefined) {
    out = { ...ext, callIds: ext.callIds.slice(0, EXTENSION_CALL_IDS_SENT), callCount: ext.callIds.length }
    cut.set(ext, out)
  }
  return out
}

function recordForWire(record: Readonly<Record<string, LiveExtension>>): Readonly<Record<string, LiveExtension>> {
  let out: Record<string, LiveExtension> | undefined
  for (const id in record) {
    const ext = record[id]
    if (ext === undefined) continue
    const wire = extensionForWire(ext)
    if (wire === ext && out === undefined) continue
    // Copied only once one needs cutting; null prototype: ids are PBX-supplied.
    out ??= Object.assign(Object.create(null) as Record<string, LiveExtension>, record)
    out[id] = wire
  }
  return out ?? record
}

export function patchForWire(patch: LivePatch): LivePatch {
  const ext: CollectionPatch<LiveExtension> | undefined = patch.extensions
  if (ext === undefined) return patch
  const upsert = recordForWire(ext.upsert)
  return upsert === ext.upsert ? patch : { ...patch, extensions: { upsert, remove: ext.remove } }
}

export function snapshotForWire(snapshot: LiveSnapshot): LiveSnapshot {
  const extensions = recordForWire(snapshot.state.extensions)
  return extensions === snapshot.state.extensions ? snapshot : { ...snapshot, state: { ...snapshot.state, extensions } }
}
