/**
 * What the simulated PBX is configured with: its phones, queues, trunks, parking lot,
 * mailboxes and dialplan routes. Two profiles:
 * - `office` (the default demo): PJSIP phones 100–119, queues support and sales with static
 *   and dynamic members, ring group 600, parking 700/701–720, voicemail, a PJSIP and an IAX2 trunk.
 *   The captures hold no PJSIP traffic (no pjproject in the lab), so PJSIP channel names follow
 *   Asterisk's convention `PJSIP/<endpoint>-<8 hex digits>`.
 * - `lab`: the capture lab's configuration (README of test/fixtures/asterisk): Local-channel
 *   phones 100–105 answering at once, 300/30X = Dial phone 10X, 200 = queue support, 400 =
 *   Stasis(console), 701–720 parking. Fidelity tests replay the captured scenarios against it.
 */
import type { FreepbxConfig } from './freepbx-config'

export type Route =
  | { readonly kind: 'phone'; readonly exten: string }
  | {
      readonly kind: 'dial'
      readonly targets: readonly string[]
      readonly timeoutS: number
      readonly note: string
      readonly options: string
      /** A FreePBX call to this extension: its DND and call forwarding apply (presence/). */
      readonly extension?: string
    }
  | { readonly kind: 'queue'; readonly queue: string }
  | { readonly kind: 'stasis'; readonly app: string }
  | { readonly kind: 'park' }
  | { readonly kind: 'parkedcall'; readonly space: number }
  | { readonly kind: 'holding' }
  | { readonly kind: 'echo' }
  /** MusicOnHold(default) until hung up — the lab's exten 602. */
  | { readonly kind: 'moh' }
  /** Answer, Wait(seconds), Hangup(16) — the lab's exten 605. */
  | { readonly kind: 'timed'; readonly seconds: number }
  | { readonly kind: 'voicemail'; readonly mailbox: string }
  | { readonly kind: 'outbound'; readonly trunk: string; readonly number: string }
  /** Directed pickup (FreePBX's `**<ext>`): the call ringing at `exten` is answered here (pickup/). */
  | { readonly kind: 'pickup'; readonly exten: string }
  /**
   * Goto(context,exten,1): the dialplan goes on elsewhere, as a FreePBX inbound route does to its
   * destination (`ext-group,600,1` for a ring group): the channel's context and exten change.
   */
  | { readonly kind: 'goto'; readonly context: string; readonly exten: string }
  /**
   * FreePBX's call-flow toggle (`app-daynight,<index>,1`): by AstDB `DAYNIGHT/C<index>` the call
   * takes the day or the night destination (presence/).
   */
  | { readonly kind: 'daynight'; readonly index: string; readonly day: Route | undefined; readonly night: Route | undefined }

export interface PhoneSpec {
  readonly exten: string
  readonly name: string
  readonly device: string
  readonly registered: boolean
}

export interface QueueMemberSpec {
  readonly interface: string
  readonly name: string
  readonly stateInterface: string
  readonly penalty: number
}

export interface QueueSpec {
  readonly name: string
  readonly strategy: string
  readonly staticMembers: readonly QueueMemberSpec[]
  /** Members added at start as if by QueueAdd (office profile: logged-in agents). */
  readonly dynamicMembers: readonly QueueMemberSpec[]
  /** queues.conf `servicelevel` in seconds (0 when unset, as in the lab). */
  readonly serviceLevel?: number
}

export interface TrunkSpec {
  readonly name: string
  readonly tech: 'PJSIP' | 'IAX2'
  readonly inboundContext: string
  readonly dids: readonly string[]
}

export interface Profile {
  readonly id: 'office' | 'lab'
  /** The simulated FreePBX whose applied configuration this profile runs (office only). */
  readonly freepbx?: FreepbxConfig
  readonly systemName: string
  readonly phones: readonly PhoneSpec[]
  readonly queues: readonly QueueSpec[]
  readonly trunks: readonly TrunkSpec[]
  readonly parking: { readonly name: string; readonly start: number; readonly stop: number; readonly timeoutS: number }
  readonly mailboxes: readonly string[]
  readonly internalContext: string
  /** Phones answer calls from the dialplan this long after ringing (lab: at once). */
  readonly phonesAutoAnswer: boolean
  /** The route for (context, exten); `callerNum` lets an inbound route match on the caller's number. */
  route(context: string, exten: string, callerNum?: string): Route | undefined
}
