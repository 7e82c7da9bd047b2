/**
 * What a domain's `<domain>.names.ts` declares, and how its channels are named on Electron IPC.
 * Dependency-free: the sandboxed preload bundles this and the names files, nothing that declares a
 * schema (no zod). The preload finds the names files itself (src-preload/channel-list.ts), so a new
 * domain is registered once, in `index.ts`.
 */

/** A domain's channel names: renderer → main calls, main → renderer events, notifications. */
export interface DomainChannelNames {
  readonly invoke: readonly string[]
  readonly events: readonly string[]
  readonly notify: readonly string[]
}

/** Electron IPC names are namespaced so a foreign `ipcRenderer.invoke('x')` never matches. */
export const ipcName = (c: string): string => `attendant:${c}`
