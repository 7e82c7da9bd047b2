/// <reference types="vite/client" />
/**
 * The channel names the preload exposes, gathered at build time from every `contract/*.names.ts`
 * (Vite's import.meta.glob): the preload bundles names only, never the schemas, and a new domain
 * needs no second registration here. Exactly the contract's channels: the preload test compares
 * these lists with `contract/index.ts`, so a names file whose domain is not registered there fails.
 */
import type { DomainChannelNames } from './contract/names'

const nameFiles = import.meta.glob<Record<string, DomainChannelNames>>('./contract/*.names.ts', { eager: true })
// Each names file exports its domain's one names object.
const domains = Object.values(nameFiles).flatMap((exports) => Object.values(exports))

export const invokeChannelNames: readonly string[] = domains.flatMap((d) => d.invoke)
export const eventChannelNames: readonly string[] = domains.flatMap((d) => d.events)
export const notifyChannelNames: readonly string[] = domains.flatMap((d) => d.notify)
