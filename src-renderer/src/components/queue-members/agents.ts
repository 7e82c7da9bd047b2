import type { LiveCall, LiveParty, LiveQueueMember, LiveState } from '../../../../src-preload/types/live'
import { currentLanguage, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Asterisk device-state numbers of queue members, in words (read in the shown language at each use). */
export const MEMBER_STATUS: Readonly<Record<number, string>> = {
  get 0() {
    return t('status.0')
  },
  get 1() {
    return t('status.1')
  },
  get 2() {
    return t('status.2')
  },
  get 3() {
    return t('status.3')
  },
  get 4() {
    return t('status.4')
  },
  get 5() {
    return t('status.5')
  },
  get 6() {
    return t('status.6')
  },
  get 7() {
    return t('status.7')
  },
  get 8() {
    return t('status.8')
  },
}

/** One queue an agent is in, as that queue lists the member. */
export interface AgentQueue {
  readonly queue: string
  readonly member: LiveQueueMember
}

/** A person in one or more queues: one interface, every queue it is in, and what it does now. */
export interface Agent {
  readonly iface: string
  readonly name: string
  /** Its extension, when the interface names one the PBX lists (`PJSIP/101`, `Local/101@from-queue/n`). */
  readonly extension: string | undefined
  readonly queues: readonly AgentQueue[]
  /** Asterisk's device state number (the same in every queue: it is the member's device). */
  readonly status: number
  /** Paused in every queue it is in. */
  readonly paused: boolean
  /** Paused in some of its queues only. */
  readonly partlyPaused: boolean
  readonly pauseReason: string
  /** When it was paused (LastPause), while paused. */
  readonly pausedSince: number | undefined
  /** The state in words: "Available", "On a call", "Paused", "On a call, paused". */
  readonly stateText: string
  /** Sort rank of the state: available first, then ringing, on a call, paused, offline. */
  readonly stateRank: number
  /** Since when it is in this state; undefined when the console cannot know (first seen in a resync). */
  readonly stateSince: number | undefined
  /** The other party of the call it is on, and since when it talks. */
  readonly talkingWith: LiveParty | undefined
  readonly talkSince: number | undefined
  readonly callsTaken: number
  /** The end of its last queue call (epoch ms); undefined when none yet. */
  readonly lastCallAt: number | undefined
}

const BUSY = new Set([2, 3, 7, 8])

/** The member's extension: a number standing alone in its interface that the PBX lists as an extension. */
export function extensionOf(iface: string, state: Pick<LiveState, 'extensions'>): string | undefined {
  for (const m of iface.matchAll(/(?<![0-9])([0-9]{2,10})(?![0-9])/g)) {
    const ext = m[1]
    if (ext !== undefined && Object.hasOwn(state.extensions, ext)) return ext
  }
  return undefined
}

/** The call the extension is on now (the first one its lamp knows), if any. */
function callOf(ext: string | undefined, state: Pick<LiveState, 'extensions' | 'calls'>): LiveCall | undefined {
  if (ext === undefined) return undefined
  for (const id of state.extensions[ext]?.callIds ?? []) {
    const call = state.calls[id]
    if (call !== undefined) return call
  }
  return undefined
}

function stateOf(status: number, paused: boolean, partly: boolean): { text: string; rank: number } {
  const word = MEMBER_STATUS[status] ?? t('stateN', { n: String(status) })
  if (paused && status === 1) return { text: t('paused'), rank: 3 }
  if (paused) return { text: t('statePaused', { state: word }), rank: BUSY.has(status) ? 2 : 4 }
  const rank = status === 1 ? 0 : status === 6 ? 1 : BUSY.has(status) ? 2 : 5
  return { text: partly ? t('statePartly', { state: word }) : word, rank }
}

/**
 * Each agent as last made, by the member object of its first queue: reused while everything it is
 * made of is the same (the same member objects, extension and call; a live patch keeps those it did
 * not change), so the agent board's memoised rows re-render only the agents a frame changed.
 */
interface MadeAgent {
  readonly queues: readonly AgentQueue[]
  readonly extension: string | undefined
  readonly call: LiveCall | undefined
  readonly language: string
  readonly agent: Agent
}
const made = new WeakMap<LiveQueueMember, MadeAgent>()

function sameQueues(a: readonly AgentQueue[], b: readonly AgentQueue[]): boolean {
  return a.length === b.length && a.every((q, i) => q.queue === b[i]?.queue && q.member === b[i].member)
}

/** Every agent of the PBX from the live queues, optionally only those of one queue. */
export function agentsOf(state: Pick<LiveState, 'queues' | 'extensions' | 'calls'>, onlyQueue?: string): Agent[] {
  const byIface = new Map<string, AgentQueue[]>()
  for (const q of Object.values(state.queues)) {
    for (const m of Object.values(q.members)) {
      const list = byIface.get(m.interface) ?? []
      list.push({ queue: q.id, member: m })
      byIface.set(m.interface, list)
    }
  }
  const agents: Agent[] = []
  for (const [iface, queues] of byIface) {
    if (onlyQueue !== undefined && !queues.some((q) => q.queue === onlyQueue)) continue
    queues.sort((a, b) => a.queue.localeCompare(b.queue))
    const members = queues.map((q) => q.member)
    const first = members[0] as LiveQueueMember
    const extension = extensionOf(iface, state)
    const call = callOf(extension, state)
    const language = currentLanguage()
    const before = made.get(first)
    if (
      before !== undefined &&
      before.call === call &&
      before.extension === extension &&
      before.language === language &&
      sameQueues(before.queues, queues)
    ) {
      agents.push(before.agent)
      continue
    }
    const pausedIn = members.filter((m) => m.paused)
    const paused = pausedIn.length === members.length
    const partly = pausedIn.length > 0 && !paused
    const own = extension
    const talkingWith = call === undefined ? undefined : call.caller.number === own ? call.callee : call.caller
    const lastPause = Math.max(...pausedIn.map((m) => m.lastPause ?? 0))
    const pausedSince = pausedIn.length > 0 && lastPause > 0 ? lastPause * 1000 : undefined
    const lastCall = Math.max(...members.map((m) => m.lastCall))
    const sinceList = members.map((m) => m.stateSince).filter((t): t is number => t !== undefined)
    const { text, rank } = stateOf(first.status, paused, partly)
    const talkSince = call?.answeredAt
    const stateSince =
      paused && first.status === 1
        ? pausedSince
        : BUSY.has(first.status) && talkSince !== undefined
          ? talkSince
          : sinceList.length > 0
            ? Math.max(...sinceList)
            : undefined
    const agent: Agent = {
      iface,
      name: members.find((m) => m.name !== '' && m.name !== iface)?.name ?? extension ?? iface,
      extension,
      queues,
      status: first.status,
      paused,
      partlyPaused: partly,
      pauseReason: pausedIn.find((m) => m.pausedReason !== '')?.pausedReason ?? '',
      pausedSince,
      stateText: text,
      stateRank: rank,
      stateSince,
      talkingWith: talkingWith !== undefined && BUSY.has(first.status) ? talkingWith : undefined,
      talkSince: BUSY.has(first.status) ? talkSince : undefined,
      callsTaken: members.reduce((n, m) => n + m.callsTaken, 0),
      lastCallAt: lastCall > 0 ? lastCall * 1000 : undefined,
    }
    made.set(first, { queues, extension, call, language, agent })
    agents.push(agent)
  }
  return agents
}
