import type { ActionDone } from '../../../src-preload/types/actions'
import type { LiveQueue, LiveQueueMember } from '../../../src-preload/types/live'
import type { QueuePrefs } from '../../../src-preload/types/queues'
import { ApiFailure } from '../errors/api-failure'
import { say } from '../i18n'
import { isAmiError } from '../ami/errors'
import { type ExtensionNames, memberName, memberText } from '../actions/audit-target'
import { runGuarded, type Actor, type GuardDeps } from '../actions/guarded-run'
import type { AmiPort } from '../actions/pbx-port'
import type { LiveModel } from '../live'
import { memberAddressFor } from './member-interface'
import { QUEUE_POLICIES } from './policy'
import type { QueuePrefsStore } from './queue-prefs'
import { strings } from './strings'

const t = say(strings)

export interface QueueActionsDeps extends GuardDeps {
  readonly ami: AmiPort
  /** Whether the live state knows this member in this queue (members are never named freely). */
  readonly isMember: (queue: string, iface: string) => boolean
  /** The member's name as the queue lists it ("Anna Berger"), for the audit line. */
  readonly memberName: (queue: string, iface: string) => string | undefined
  /** The live state as now (queues and extensions); undefined until it was first loaded. */
  readonly liveModel: () => LiveModel | undefined
  /** The PBX's names of its extensions, for a member the queue lists by its interface (`PJSIP/106`). */
  readonly names?: ExtensionNames
}

/** What to add: an extension of the PBX, with the name the queue shows, penalty and pause. */
export interface AddMember {
  readonly queue: string
  readonly extension: string
  readonly name?: string | undefined
  readonly penalty: number
  readonly paused: boolean
  readonly reason?: string | undefined
}

/** Where a runtime-only change stands on FreePBX, said with every membership change. */
const DYNAMIC_NOTE =
  'a dynamic member: Asterisk keeps it (also across restarts), but it is not in the queue’s configuration; to make it part of the queue, add it in Configuration → Queue members'

/** Static members come from queues.conf / the queue's FreePBX configuration; AMI cannot remove them. */
function staticWords(who: string, queue: string): string {
  return t('static', { who, queue })
}

/** One clean line, or nothing (an empty reason is no reason). */
function reasonOf(reason: string | undefined): string | undefined {
  const r = reason?.trim() ?? ''
  return r === '' ? undefined : r
}

/** Supervisor queue actions: membership (add, remove, penalty) and pause with a reason, in one queue or all. */
export class QueueActions {
  constructor(private readonly d: QueueActionsDeps) {}

  /** Pause or unpause in `queue`, or (queue undefined) in every queue the member is in. */
  pause(queue: string | undefined, iface: string, paused: boolean, reason: string | undefined, actor: Actor): Promise<ActionDone> {
    const why = reasonOf(reason)
    const where = queue === undefined ? this.everyQueueText(iface) : `in queue ${queue}`
    // Pausing and unpausing are told apart in the log, with the member by name and the reason given.
    const target = `${memberText(this.nameOf(queue, iface), iface)} ${where}${why === undefined ? '' : `, reason “${why}”`}`
    return runGuarded(this.d, QUEUE_POLICIES, { action: paused ? 'queue.pause' : 'queue.unpause', target, actor }, async (scope) => {
      const queues = queue === undefined ? this.queuesOf(iface) : [this.knownMember(queue, iface).queue]
      const first = queues[0]
      if (first !== undefined) scope.expect({ kind: 'paused', queue: first, iface, paused })
      await this.send('QueuePause', [
        ...(queue === undefined ? [] : ([['Queue', queue]] as [string, string][])),
        ['Interface', iface],
        ['Paused', paused ? 'true' : 'false'],
        ...(why === undefined ? [] : ([['Reason', why]] as [string, string][])),
      ])
      const who = this.shownName(queue ?? first, iface)
      const one = queue ?? (queues.length === 1 ? queues.join('') : undefined)
      if (one !== undefined) return { message: t(paused ? 'paused' : 'unpaused', { who, queue: one }) }
      return { message: t(paused ? 'pausedAll' : 'unpausedAll', { who, n: String(queues.length) }) }
    })
  }

  /** QueueAdd of an extension as a dynamic member (interface built in main from the PBX's own members). */
  add(input: AddMember, actor: Actor): Promise<ActionDone> {
    const name = reasonOf(input.name)
    const why = reasonOf(input.reason)
    const known = name ?? this.d.names?.(input.extension)
    const who = known === undefined ? input.extension : `${input.extension} ${known}`
    const extras = [`penalty ${String(input.penalty)}`, ...(input.paused ? [`paused${why === undefined ? '' : ` “${why}”`}`] : [])]
    const target = `${who} to queue ${input.queue} (${extras.join(', ')})`
    return runGuarded(this.d, QUEUE_POLICIES, { action: 'queue.add', target, actor }, async (scope) => {
      const model = this.loaded()
      const q = this.knownQueue(model, input.queue)
      if (model.extensions[input.extension] === undefined) throw new ApiFailure('not_found', t('notExtension', { extension: input.extension }))
      const address = memberAddressFor(input.extension, model.queues, model.extensions)
      const existing = q.members[address.iface]
      if (existing !== undefined)
        throw new ApiFailure('conflict', t('alreadyMember', { who: memberText(existing.name, existing.interface), queue: input.queue }))
      scope.expect({ kind: 'unverifiable', hint: `look for ${who} among ${input.queue}’s members` })
      await this.send('QueueAdd', [
        ['Queue', input.queue],
        ['Interface', address.iface],
        ['MemberName', name ?? input.extension],
        ['StateInterface', address.stateInterface],
        ['Penalty', String(input.penalty)],
        ['Paused', input.paused ? 'true' : 'false'],
        ...(input.paused && why !== undefined ? ([['Reason', why]] as [string, string][]) : []),
      ])
      return { message: t('added', { who, queue: input.queue }), note: `${address.iface}; ${DYNAMIC_NOTE}` }
    })
  }

  /** QueueRemove of a dynamic member; a static one is refused with what can be done instead. */
  remove(queue: string, iface: string, actor: Actor): Promise<ActionDone> {
    const who = memberText(this.nameOf(queue, iface), iface)
    // Named before it is gone: the live state may drop the member before the PBX's answer arrives.
    const shown = this.shownName(queue, iface)
    return runGuarded(this.d, QUEUE_POLICIES, { action: 'queue.remove', target: `${who} from queue ${queue}`, actor }, async (scope) => {
      const { member } = this.knownMember(queue, iface)
      if (member.membership === 'static') throw new ApiFailure('refused', staticWords(who, queue), { rule: 'static_member' })
      scope.expect({ kind: 'unverifiable', hint: `look whether ${who} is still among ${queue}’s members` })
      try {
        await this.send('QueueRemove', [
          ['Queue', queue],
          ['Interface', iface],
        ])
      } catch (err) {
        // The live state said dynamic, the PBX says static (a reload in between): its word wins.
        if (err instanceof ApiFailure && (err.detail as { rule?: unknown } | undefined)?.rule === 'static_member')
          throw new ApiFailure('refused', staticWords(who, queue), { rule: 'static_member' })
        throw err
      }
      return { message: t('removed', { who: shown, queue }) }
    })
  }

  /** QueuePenalty in `queue`, or (queue undefined) in every queue the member is in. */
  penalty(queue: string | undefined, iface: string, penalty: number, actor: Actor): Promise<ActionDone> {
    const where = queue === undefined ? this.everyQueueText(iface) : `in queue ${queue}`
    const target = `${memberText(this.nameOf(queue, iface), iface)} ${where} → penalty ${String(penalty)}`
    return runGuarded(this.d, QUEUE_POLICIES, { action: 'queue.penalty', target, actor }, async (scope) => {
      const queues = queue === undefined ? this.queuesOf(iface) : [this.knownMember(queue, iface).queue]
      scope.expect({ kind: 'unverifiable', hint: 'look at the member’s penalty in the queue' })
      await this.send('QueuePenalty', [
        ['Interface', iface],
        ['Penalty', String(penalty)],
        ...(queue === undefined ? [] : ([['Queue', queue]] as [string, string][])),
      ])
      const who = this.shownName(queue ?? queues[0], iface)
      const one = queue ?? (queues.length === 1 ? queues.join('') : undefined)
      if (one !== undefined) return { message: t('penalty', { penalty: String(penalty), who, queue: one }) }
      return { message: t('penaltyAll', { penalty: String(penalty), who, n: String(queues.length) }) }
    })
  }

  /** Saves the pause reasons and wallboard settings of this profile (supervisors; audited). */
  async savePrefs(store: QueuePrefsStore, prefs: QueuePrefs, actor: Actor): Promise<QueuePrefs> {
    const profileId = this.d.profile().id
    let saved: QueuePrefs | undefined
    const target = `pause reasons (${String(prefs.pauseReasons.length)}) and wallboard (${String(prefs.wallboard.thresholds.length)} thresholds)`
    await runGuarded(this.d, QUEUE_POLICIES, { action: 'queue.prefs', target, actor }, () => {
      saved = store.set(profileId, prefs)
      return Promise.resolve({ message: t('saved') })
    })
    if (saved === undefined) throw new ApiFailure('internal', t('notSaved'))
    return saved
  }

  /** Sends one AMI action; Asterisk's refusals of membership actions in the supervisor's words. */
  private async send(action: string, fields: [string, string][]): Promise<void> {
    try {
      await this.d.ami.action(action, fields)
    } catch (err) {
      if (!isAmiError(err) || err.code !== 'action_error') throw err
      const said = err.response?.get('Message')?.trim() ?? err.message
      if (/no such queue/i.test(said)) throw new ApiFailure('not_found', t('noSuchQueue'))
      if (/not there|interface not found|invalid interface/i.test(said)) throw new ApiFailure('not_found', t('noSuchMember'))
      if (/already there/i.test(said)) throw new ApiFailure('conflict', t('alreadyListed'))
      if (/not dynamic/i.test(said)) throw new ApiFailure('refused', t('pbxStatic'), { rule: 'static_member' })
      throw err
    }
  }

  private loaded(): LiveModel {
    const model = this.d.liveModel()
    if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
    return model
  }

  private knownQueue(model: LiveModel, queue: string): LiveQueue {
    const q = Object.hasOwn(model.queues, queue) ? model.queues[queue] : undefined
    if (q === undefined) throw new ApiFailure('not_found', t('unknownQueue', { queue }))
    return q
  }

  /** The member in that queue as the live state lists it, or a refusal in plain words. */
  private knownMember(queue: string, iface: string): { queue: string; member: LiveQueueMember } {
    const model = this.d.liveModel()
    if (model !== undefined) this.knownQueue(model, queue)
    if (!this.d.isMember(queue, iface)) throw new ApiFailure('not_found', t('notMemberAnyMore', { member: iface, queue }))
    const member =
      model === undefined ? undefined : Object.hasOwn(model.queues[queue]?.members ?? {}, iface) ? model.queues[queue]?.members[iface] : undefined
    return {
      queue,
      member: member ?? {
        interface: iface,
        name: '',
        stateInterface: iface,
        status: 0,
        paused: false,
        pausedReason: '',
        penalty: 0,
        callsTaken: 0,
        lastCall: 0,
        inCall: false,
        membership: '',
      },
    }
  }

  /** Every queue the member is in now (for "all queues"); refused when it is in none. */
  private queuesOf(iface: string): string[] {
    const model = this.loaded()
    const names = Object.values(model.queues)
      .filter((q) => Object.hasOwn(q.members, iface))
      .map((q) => q.id)
      .sort()
    if (names.length === 0) throw new ApiFailure('not_found', t('notMemberAny', { member: iface }))
    return names
  }

  private everyQueueText(iface: string): string {
    const model = this.d.liveModel()
    const names =
      model === undefined
        ? []
        : Object.values(model.queues)
            .filter((q) => Object.hasOwn(q.members, iface))
            .map((q) => q.id)
    return names.length === 0 ? 'in every queue' : `in every queue (${names.sort().join(', ')})`
  }

  private shownName(queue: string | undefined, iface: string): string {
    const name = this.nameOf(queue, iface)
    return name === undefined || name === '' ? iface : name
  }

  /** The member's name in that queue (or any queue when none is given), else the directory's; undefined when none. */
  private nameOf(queue: string | undefined, iface: string): string | undefined {
    const name = memberName(this.listedName(queue, iface), iface, this.d.names)
    return name === '' ? undefined : name
  }

  private listedName(queue: string | undefined, iface: string): string | undefined {
    try {
      if (queue !== undefined) return this.d.memberName(queue, iface)
      const model = this.d.liveModel()
      if (model === undefined) return undefined
      for (const q of Object.values(model.queues)) if (Object.hasOwn(q.members, iface)) return q.members[iface]?.name
      return undefined
    } catch {
      return undefined
    }
  }
}
