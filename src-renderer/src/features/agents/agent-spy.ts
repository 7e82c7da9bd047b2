import type { LiveCall, LiveChannel, LiveState } from '../../../../src-preload/types/live'
import { outOfScopeReason, type SpyMode, type SpySessionView, type SupervisionState } from '../../../../src-preload/types/supervision'
import type { Agent } from '../../components/queue-members/agents'
import { talkingAt } from '../../live/talking-at'
import { ownSession } from '../../stores/supervision-store'
import { strings as scopeStrings } from '../../../../src-preload/i18n/strings/supervision'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const scopeWords = tr(scopeStrings)

/** Listen, whisper and barge on an agent's call: the board's buttons and its L / W / B keys, in this order. */
export const SPY_MODES: readonly { readonly mode: SpyMode; readonly key: string }[] = [
  { mode: 'listen', key: 'L' },
  { mode: 'whisper', key: 'W' },
  { mode: 'barge', key: 'B' },
]

/** A mode's button label in the shown language: "Listen", "Whisper", "Barge". */
export const spyModeLabel = (mode: SpyMode): string => t(`spy.${mode}`)

/** What the board offers on an agent who is on a call. */
export interface AgentSpy {
  readonly call: LiveCall
  /** The agent's phone's channel: ChanSpy listens there, so a whisper reaches the agent, never the caller. */
  readonly channelId: string
  /** Why this seat cannot start listening to it now, in words (the buttons are greyed with it); undefined: it can. */
  readonly refused: string | undefined
  /** This seat's phone already listens to this call: the buttons switch its mode. */
  readonly session: SpySessionView | undefined
}

/**
 * Listening in on an agent's call from the board: the call the agent's phone talks on (nothing for
 * an agent not on a call, or one the console knows no extension of), and why the seat may not,
 * checked as main checks it (read-only or role, its own phone, the profile's scope, a session of
 * its phone already running elsewhere). Main refuses anyway: this only says so before asking.
 */
export function agentSpyOf(
  agent: Pick<Agent, 'extension'>,
  state: Pick<LiveState, 'extensions' | 'calls' | 'channels'>,
  extensionsOfDevice: ReadonlyMap<string, readonly string[]>,
  supervision: SupervisionState | undefined,
  ownExtension: string,
): AgentSpy | undefined {
  const ext = agent.extension === undefined || !Object.hasOwn(state.extensions, agent.extension) ? undefined : state.extensions[agent.extension]
  const found = ext === undefined ? undefined : talkingAt(ext, state as LiveState)
  if (found === undefined) return undefined
  const { call, channelId } = found
  const channels = call.channelIds.map((id) => state.channels[id]).filter((c): c is LiveChannel => c !== undefined)
  const extensionsOf = (device: string): readonly string[] => extensionsOfDevice.get(device) ?? []
  const own = ownSession(supervision)
  const session = own !== undefined && call.channelIds.includes(own.spiedChannelId) ? own : undefined
  return { call, channelId, session, refused: session !== undefined ? undefined : refusal() }

  function refusal(): string | undefined {
    if (supervision === undefined) return t('spy.notLoaded')
    if (!supervision.allowed) return supervision.refusal ?? t('spy.notAllowed')
    if (ownExtension !== '' && channels.some((c) => extensionsOf(c.device).includes(ownExtension)))
      return t('spy.ownCall', { extension: ownExtension })
    const scope = outOfScopeReason(supervision.scope, call, channels, extensionsOf, scopeWords)
    if (scope !== undefined) return scope
    if (own !== undefined) return t('spy.busy')
    return undefined
  }
}

/**
 * Offers made before, by call: one equal to a new one is given again, so an agent's row on the
 * board (memoised on its offer) re-renders only when its call or what the seat may do changed.
 */
const offered = new WeakMap<LiveCall, AgentSpy[]>()

function sameOffer(offer: AgentSpy): AgentSpy {
  const earlier = offered.get(offer.call) ?? []
  const same = earlier.find((o) => o.channelId === offer.channelId && o.session === offer.session && o.refused === offer.refused)
  if (same !== undefined) return same
  offered.set(offer.call, [...earlier.slice(-3), offer])
  return offer
}

/** The board's offers by agent (its interface), for the agents on a call. */
export function agentSpies(
  agents: readonly Pick<Agent, 'iface' | 'extension'>[],
  state: Pick<LiveState, 'extensions' | 'calls' | 'channels'>,
  extensionsOfDevice: ReadonlyMap<string, readonly string[]>,
  supervision: SupervisionState | undefined,
  ownExtension: string,
): ReadonlyMap<string, AgentSpy> {
  const offers = new Map<string, AgentSpy>()
  for (const a of agents) {
    const offer = agentSpyOf(a, state, extensionsOfDevice, supervision, ownExtension)
    if (offer !== undefined) offers.set(a.iface, sameOffer(offer))
  }
  return offers
}
