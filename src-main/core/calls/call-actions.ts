import { randomUUID } from 'node:crypto'
import type { ActionDone } from '../../../src-preload/types/actions'
export type { Actor } from '../actions/guarded-run'
import { ApiFailure } from '../errors/api-failure'
import type { AuditLog } from '../audit'
import { judgeDestination, type DialBudget } from '../guard'
import type { PbxProfile } from '../profiles/schema'
import { callText, destinationText, type ExtensionNames, movedText, partyText, spokenDestination } from '../actions/audit-target'
import type { Expectation } from '../actions/expectation'
import type { OutcomeSettler } from '../actions/outcome-settler'
import { runGuarded, type Actor, type Attempt, type BodyResult, type RunScope } from '../actions/guarded-run'
import type { AmiPort, CallParties, LiveLookup } from '../actions/pbx-port'
import { CALL_POLICIES, type CallAction } from './policy'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export interface CallActionsDeps {
  readonly profile: () => PbxProfile
  readonly ami: AmiPort
  readonly live: LiveLookup
  readonly audit: AuditLog
  /** The seat's dial budget for originate and transfers (kept by the RuntimeManager). */
  readonly dialBudget: DialBudget
  /** Settles actions whose answer was lost from the resynced state. */
  readonly settler?: OutcomeSettler
  /**
   * The second path for hang-up when AMI is down but ARI answers (ARI channel ids are the same
   * Uniqueids). Absent when the profile has no ARI.
   */
  readonly fallback?: { readonly amiReady: () => boolean; readonly ariHangup: (channelId: string) => Promise<void> }
  /** The PBX's names of its extensions: audit lines and toasts say "Eva Fischer (105)", not "105". */
  readonly names?: ExtensionNames
}

/**
 * Operator call actions. Each one is authorised (role, read-only), its destination judged by the
 * toll-fraud guard, rate-limited when it dials (after the guard judged it), executed with the
 * profile's fixed channel and context only, and written to the audit log whatever happens —
 * including refusals — naming the caller and where the call goes. Nothing here
 * builds an Application, Data or Variable header from user input, and nothing is ever retried.
 */
export class CallActions {
  constructor(private readonly d: CallActionsDeps) {}

  async hangup(channelId: string, actor: Actor): Promise<ActionDone> {
    return this.run(
      { action: 'call.hangup', target: callText(this.parties(channelId), this.d.names), actor, support: `channel ${channelId}` },
      async (scope) => {
        const channel = this.channel(channelId)
        scope.expect({ kind: 'gone', channelId })
        const fallback = this.d.fallback
        if (fallback !== undefined && !fallback.amiReady()) {
          await fallback.ariHangup(channelId)
          return { message: t('hungUpAri') }
        }
        await this.d.ami.action('Hangup', [
          ['Channel', channel],
          ['Cause', 16],
        ])
        return { message: t('hungUp') }
      },
    )
  }

  async blindTransfer(channelId: string, destination: string, confirmEmergency: boolean, actor: Actor): Promise<ActionDone> {
    const target = movedText(this.parties(channelId), destinationText(destination, this.d.names), this.d.names)
    return this.run({ action: 'call.transfer.blind', target, actor, support: `channel ${channelId}` }, async (scope) => {
      const channel = this.channel(channelId)
      const exten = this.judge(destination, confirmEmergency, scope)
      scope.expect(this.moving(channelId, exten))
      // Redirect moves exactly this party; its peer's leg ends as with a blind transfer from a phone.
      await this.d.ami.action('Redirect', [
        ['Channel', channel],
        ['Context', this.d.profile().originate.context],
        ['Exten', exten],
        ['Priority', 1],
      ])
      // An offline phone never rings: the PBX sends the call to its voicemail (FreePBX's unavailable greeting), not to it.
      if (this.safely(() => this.d.live.extensionState?.(exten)) === 'UNAVAILABLE') {
        return { message: t('offlineVoicemail', { name: this.spoken(destination) }), note: `${exten} was offline` }
      }
      return { message: t('transferred', { name: this.spoken(destination) }), note: exten === destination ? undefined : `dialled ${exten}` }
    })
  }

  async transferToVoicemail(channelId: string, extension: string, actor: Actor): Promise<ActionDone> {
    const target = movedText(this.parties(channelId), `voicemail of ${destinationText(extension, this.d.names)}`, this.d.names)
    return this.run({ action: 'call.transfer.voicemail', target, actor, support: `channel ${channelId}` }, async (scope) => {
      const channel = this.channel(channelId)
      const judged = judgeDestination(extension, this.d.profile().dialPlan, this.d.live.knownExtensions())
      if (judged.verdict !== 'allow' || judged.kind !== 'internal') {
        throw new ApiFailure('refused', t('voicemailNeedsInternal', { reason: judged.reason }), { rule: judged.rule })
      }
      const { voicemailPrefix, voicemailContext } = this.d.profile().originate
      scope.expect(this.moving(channelId, `${voicemailPrefix}${judged.normalized}`))
      await this.d.ami.action('Redirect', [
        ['Channel', channel],
        ['Context', voicemailContext],
        ['Exten', `${voicemailPrefix}${judged.normalized}`],
        ['Priority', 1],
      ])
      return { message: t('sentToVoicemail', { name: this.spoken(extension) }) }
    })
  }

  /**
   * Attended transfer is started from the operator's own phone: Asterisk's Atxfer runs on the
   * transferer's channel (the operator's leg), which consults the destination while the caller holds.
   */
  async attendedTransfer(channelId: string, destination: string, confirmEmergency: boolean, actor: Actor): Promise<ActionDone> {
    const target = movedText(this.parties(channelId), destinationText(destination, this.d.names), this.d.names)
    return this.run({ action: 'call.transfer.attended', target, actor, support: `channel ${channelId}` }, async (scope) => {
      const transferer = this.operatorLeg(channelId)
      const exten = this.judge(destination, confirmEmergency, scope)
      // Asterisk lists no trace of a consultation in progress that tells it from an ordinary call.
      scope.expect({
        kind: 'unverifiable',
        hint: t('consultingUnverifiable', { name: this.spoken(destination) }),
      })
      await this.d.ami.action('Atxfer', [
        ['Channel', transferer],
        ['Exten', exten],
        ['Context', this.d.profile().originate.context],
      ])
      return {
        message: t('consulting', { name: this.spoken(destination) }),
        note: exten === destination ? undefined : `dialled ${exten}`,
      }
    })
  }

  /** Completes an attended transfer the way a phone does: the transferer leaves, the parties join. */
  async completeTransfer(channelId: string, actor: Actor): Promise<ActionDone> {
    return this.run(
      { action: 'call.transfer.complete', target: callText(this.parties(channelId), this.d.names), actor, support: `channel ${channelId}` },
      async (scope) => {
        const transferer = this.operatorLeg(channelId)
        scope.expect({ kind: 'gone', channelId: this.idOfName(channelId, transferer) })
        await this.d.ami.action('Hangup', [
          ['Channel', transferer],
          ['Cause', 16],
        ])
        return { message: t('completed') }
      },
    )
  }

  async cancelTransfer(channelId: string, actor: Actor): Promise<ActionDone> {
    return this.run(
      { action: 'call.transfer.cancel', target: callText(this.parties(channelId), this.d.names), actor, support: `channel ${channelId}` },
      async (scope) => {
        const transferer = this.operatorLeg(channelId)
        scope.expect({ kind: 'unverifiable', hint: t('cancelUnverifiable') })
        await this.d.ami.action('CancelAtxfer', [['Channel', transferer]])
        return { message: t('cancelled') }
      },
    )
  }

  /** Click-to-dial: rings the operator's own phone, then dials the destination from it. */
  async originate(destination: string, confirmEmergency: boolean, actor: Actor): Promise<ActionDone> {
    const target = `your phone (${this.d.profile().operator.ownExtension}) → ${destinationText(destination, this.d.names)}`
    return this.run({ action: 'call.originate', target, actor }, async (scope) => {
      const exten = this.judge(destination, confirmEmergency, scope)
      // The ChannelId is chosen here, before sending, so a lost answer can be settled by it.
      const channelId = randomUUID()
      scope.expect({ kind: 'appeared', channelId })
      const handle = await this.d.ami.originate([...this.fromOwnPhone(exten), ['ChannelId', channelId]])
      return {
        message: t('calling', { name: this.spoken(destination) }),
        ref: handle.channelId,
        note: exten === destination ? undefined : `dialled ${exten}`,
      }
    })
  }

  async park(channelId: string, actor: Actor): Promise<ActionDone> {
    const target = movedText(this.parties(channelId), `parking lot ${this.d.profile().originate.parkingLot}`, this.d.names)
    return this.run({ action: 'call.park', target, actor, support: `channel ${channelId}` }, async (scope) => {
      const channel = this.channel(channelId)
      scope.expect({ kind: 'parked', channelId })
      const peer = this.d.live.peerOf(channelId)
      const peerName = peer === undefined ? undefined : this.d.live.channelName(peer)
      const response = await this.d.ami.action('Park', [
        ['Channel', channel],
        ['Parkinglot', this.d.profile().originate.parkingLot],
        // The other party gets the call back if nobody picks it up before the timeout.
        ...(peerName === undefined ? [] : ([['TimeoutChannel', peerName]] as [string, string][])),
      ])
      const said = response.get('Message')
      return { message: said ?? t('parked'), note: said ?? 'Call parked' }
    })
  }

  /** Picks a parked call up at the operator's own phone by dialling its parking space. */
  async pickupParked(space: string, actor: Actor): Promise<ActionDone> {
    const waiting = this.safely(() => this.d.live.parkee(space))
    const target = `${waiting === undefined ? 'nobody' : partyText(waiting, this.d.names)} parked in space ${space} → your phone (${this.d.profile().operator.ownExtension})`
    return this.run({ action: 'call.pickup', target, actor, support: `parking space ${space}` }, async (scope) => {
      if (!this.d.live.isParked(space)) throw new ApiFailure('not_found', t('nothingParked', { space }))
      // The ChannelId is chosen here, before sending, so a lost answer can be settled by it.
      const channelId = randomUUID()
      scope.expect({ kind: 'appeared', channelId })
      const handle = await this.d.ami.originate([...this.fromOwnPhone(space), ['ChannelId', channelId]])
      return { message: t('pickingUp', { space }), ref: handle.channelId }
    })
  }

  private fromOwnPhone(exten: string): [string, string | number][] {
    const p = this.d.profile()
    return [
      ['Channel', p.originate.channelTemplate.replace('{ext}', p.operator.ownExtension)],
      ['Context', p.originate.context],
      ['Exten', exten],
      ['Priority', 1],
      ['CallerID', `Attendant <${p.operator.ownExtension}>`],
    ]
  }

  private channel(channelId: string): string {
    const name = this.d.live.channelName(channelId)
    if (name === undefined) throw new ApiFailure('not_found', t('gone'))
    return name
  }

  /** The operator's own leg in a call: the given channel if it is theirs, else its bridged peer. */
  private operatorLeg(channelId: string): string {
    const own = this.d.profile().originate.channelTemplate.replace('{ext}', this.d.profile().operator.ownExtension)
    const mine = (name: string | undefined): boolean =>
      name !== undefined && (name === own || name.startsWith(`${own}-`) || name.startsWith(`${own};`))
    const name = this.d.live.channelName(channelId)
    if (name === undefined) throw new ApiFailure('not_found', t('gone'))
    if (mine(name)) return name
    const peer = this.d.live.peerOf(channelId)
    const peerName = peer === undefined ? undefined : this.d.live.channelName(peer)
    if (peerName !== undefined && mine(peerName)) return peerName
    // During a consultation the caller waits alone in its bridge: look through the whole call.
    for (const id of this.d.live.callChannels(channelId)) {
      const n = this.d.live.channelName(id)
      if (n !== undefined && mine(n)) return n
    }
    throw new ApiFailure('refused', t('attendedOwn', { extension: this.d.profile().operator.ownExtension }), {
      rule: 'not_own_call',
    })
  }

  /**
   * The guard's verdict decides; what the PBX receives is the guard's canonical digits only. The
   * dial budget is spent only on what will be dialled: a refused destination costs nothing, and
   * a confirmed emergency call is never held back by it.
   */
  private judge(destination: string, confirmEmergency: boolean, scope: RunScope): string {
    const j = judgeDestination(destination, this.d.profile().dialPlan, this.d.live.knownExtensions())
    if (j.verdict === 'deny') throw new ApiFailure('refused', j.reason, { rule: j.rule })
    if (j.verdict === 'confirm_emergency' && !confirmEmergency) {
      throw new ApiFailure('confirm_required', t('emergency', { number: j.normalized }), { rule: j.rule })
    }
    if (j.dialDigits === undefined) throw new ApiFailure('refused', j.reason, { rule: j.rule })
    if (j.verdict === 'allow') scope.spendDialBudget()
    return j.dialDigits
  }

  /** "Eva Fischer (105)" for a known extension, the destination as typed otherwise. */
  private spoken(destination: string): string {
    return spokenDestination(destination, this.d.names)
  }

  /** Who is on the call, for the audit line; nothing when the live state cannot say (not loaded). */
  private parties(channelId: string): CallParties | undefined {
    return this.safely(() => this.d.live.callParties(channelId))
  }

  /** A read for the audit line must never stop the action or its refusal from being recorded. */
  private safely<T>(read: () => T | undefined): T | undefined {
    try {
      return read()
    } catch {
      return undefined
    }
  }

  /** Where a transferred channel is now, so a lost answer can be settled by where it is later. */
  private moving(channelId: string, toExten: string): Expectation {
    return {
      kind: 'moved',
      channelId,
      fromBridge: this.d.live.bridgeOf(channelId),
      fromExten: this.d.live.extenOf(channelId) ?? '',
      toExten,
    }
  }

  /** The uniqueid of the named channel: the given one or one of its call's channels. */
  private idOfName(channelId: string, name: string): string {
    return this.d.live.callChannels(channelId).find((id) => this.d.live.channelName(id) === name) ?? channelId
  }

  private run(attempt: Attempt<CallAction>, body: (scope: RunScope) => Promise<BodyResult>): Promise<ActionDone> {
    return runGuarded(this.d, CALL_POLICIES, attempt, body)
  }
}
