import type { AmiFieldsInput, AmiMessage } from '../ami/message'
import type { OriginateHandle } from '../ami/client'
import type { ExtensionStateName, LiveParty } from '../../../src-preload/types/live'

/** The slice of AmiClient the actions use; tests pass a recording fake. */
export interface AmiPort {
  action(name: string, fields?: AmiFieldsInput): Promise<AmiMessage>
  originate(fields: AmiFieldsInput): Promise<OriginateHandle>
}

/** What actions need to know about the live calls, by ids the renderer got from the live state. */
export interface LiveLookup {
  /** The channel's name (e.g. `PJSIP/100-0000002a`) for a uniqueid in the live state. */
  channelName(uniqueid: string): string | undefined
  /** The bridge the channel is in now, if any. */
  bridgeOf(uniqueid: string): string | undefined
  /** The dialplan extension the channel is at, as the PBX last listed it. */
  extenOf(uniqueid: string): string | undefined
  /** Uniqueid of the channel bridged with this one, if it is in a two-party call. */
  peerOf(uniqueid: string): string | undefined
  /** Extensions the PBX reported (hints), so drag-and-drop targets are judged as known. */
  knownExtensions(): ReadonlySet<string>
  /** Every channel of the call this channel belongs to (itself included). */
  callChannels(uniqueid: string): readonly string[]
  /** Whether a parked call occupies this space now. */
  isParked(space: string): boolean
  /** Who is on the call this channel belongs to, as the call list shows them (audit lines name them). */
  callParties(uniqueid: string): CallParties | undefined
  /** Who waits in this parking space, if anyone. */
  parkee(space: string): LiveParty | undefined
  /** The lamp state of an extension as the PBX last reported it (absent in fakes that do not know). */
  extensionState?(extension: string): ExtensionStateName | undefined
}

/** The parties of a live call in the words the call list uses. */
export interface CallParties {
  readonly caller: LiveParty
  readonly callee: LiveParty
  /** The queue or ring group the call came through, when the callee is not yet one phone. */
  readonly queue?: string | undefined
  readonly ringGroup?: string | undefined
}
