/** What every resolver of the demo FreePBX sees. */
import type { GraphQLFieldConfigMap } from 'graphql'
import type { FreepbxConfig } from '../../demo/config/freepbx-config'
import type { FreepbxDemoData } from '../data'
import type { ReloadTransactions } from '../reload'

export type FreepbxVersion = '16' | '17'

export interface GqlContext {
  readonly config: FreepbxConfig
  readonly data: FreepbxDemoData
  readonly reloads: ReloadTransactions
  readonly version: FreepbxVersion
  readonly quirks: FreepbxQuirks
  /** The destination registry, built once per request (a list of routes labels each one). */
  readonly destinations: () => ReadonlyMap<string, { readonly category: string; readonly description: string }>
}

/** Behaviours of particular FreePBX builds, off unless a test or a profile asks for them. */
export interface FreepbxQuirks {
  /**
   * core#109 (closed; version-dependent): an inbound route to a voicemail destination
   * (`ext-local,vmb101,1`) failed with "Internal server error" from the resolver.
   */
  readonly voicemailDestinationError?: boolean
}

/** One module's query and mutation fields, sharing one set of types (built once per schema). */
export interface ModuleFields {
  readonly queries: GraphQLFieldConfigMap<unknown, GqlContext>
  readonly mutations: GraphQLFieldConfigMap<unknown, GqlContext>
}
