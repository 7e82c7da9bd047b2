/**
 * What the demo FreePBX reads besides its configuration: the CDRs (fetchAllCdrs), from a running
 * demo PBX (engine-data.ts) or a test's rows. `extensions` seeds the configuration of an API
 * started without one (the console's connection tests give a plain list).
 */
export interface FreepbxDemoExtension {
  readonly extensionId: string
  readonly name: string
  readonly tech: string
}

/** A CDR row in fetchAllCdrs' field names (strings/numbers as the cdr module returns them). */
export type FreepbxDemoCdr = Readonly<Record<string, string | number>> & { readonly uniqueid: string }

export interface FreepbxDemoData {
  extensions?(): readonly FreepbxDemoExtension[]
  cdrs(): readonly FreepbxDemoCdr[]
}
