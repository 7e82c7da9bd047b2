import type { LiveCall, LiveChannel } from '../../../src-preload/types/live'
import { outOfScopeReason, supervisionScopeOf } from '../../../src-preload/types/supervision'
import { supervisionOf, type PbxProfile } from '../profiles/schema'
import { strings as scopeStrings } from '../../../src-preload/i18n/strings/supervision'
import { ApiFailure } from '../errors/api-failure'
import { say } from '../i18n'
import type { LiveModel } from '../live'
import { strings } from './strings'

const t = say(strings)
const scopeWords = say(scopeStrings)

/** Asterisk's ChannelState for a channel that is up (AST_STATE_UP). */
const UP = 6

/** The extensions a channel's device belongs to (by the hints that name it). */
function extensionsOf(model: LiveModel, ch: LiveChannel): readonly string[] {
  return model.index.deviceExtens[ch.device] ?? []
}

/** The live call by its id, with its channels as the live state has them now. */
export function liveCall(model: LiveModel | undefined, callId: string): { call: LiveCall; channels: LiveChannel[] } {
  if (model === undefined) throw new ApiFailure('unavailable', t('notLoaded'))
  const call = Object.hasOwn(model.calls, callId) ? model.calls[callId] : undefined
  if (call === undefined) throw new ApiFailure('not_found', t('callEnded'))
  const channels = call.channelIds.map((id) => model.channels[id]).filter((c): c is LiveChannel => c !== undefined)
  return { call, channels }
}

/**
 * Refused unless the seat may supervise this call: a supervisor only a call of the queues or
 * extensions the profile names (sealed; none named: no call), an admin any call unless some are
 * named. A call counts when it came through a named queue or one of its channels is on a named
 * extension's phone (outOfScopeReason: the rule the windows grey their buttons by).
 */
export function assertInScope(model: LiveModel, call: LiveCall, channels: readonly LiveChannel[], profile: PbxProfile): void {
  const scope = supervisionScopeOf(profile.operator.role, supervisionOf(profile))
  const reason = outOfScopeReason(scope, call, channels, (device) => model.index.deviceExtens[device] ?? [], scopeWords)
  if (reason !== undefined) throw new ApiFailure('refused', reason, { rule: 'supervision_scope' })
}

/** Refused when the seat's own phone is on the call: a supervisor does not listen to themselves. */
export function assertNotOwnCall(model: LiveModel, channels: readonly LiveChannel[], ownExtension: string): void {
  if (channels.some((c) => extensionsOf(model, c).includes(ownExtension))) {
    throw new ApiFailure('refused', t('ownCall', { extension: ownExtension }), { rule: 'own_call' })
  }
}

/**
 * The channel to listen to. Named by the window: it must be a live channel of this very call
 * (never a name or prefix of the window's making). Not named: the party who answered on an
 * extension — whisper then reaches the agent, not the caller.
 */
export function spiedChannel(model: LiveModel, call: LiveCall, channels: readonly LiveChannel[], channelId: string | undefined): LiveChannel {
  if (channelId !== undefined) {
    const named = channels.find((c) => c.id === channelId)
    if (named === undefined) throw new ApiFailure('refused', t('notInCall'), { rule: 'channel_not_in_call' })
    return named
  }
  const up = channels.filter((c) => c.state === UP)
  const agent = up.find((c) => c.id !== call.id && !c.isTrunk && extensionsOf(model, c).length > 0)
  const chosen = agent ?? up.find((c) => c.id !== call.id) ?? up[0]
  if (chosen === undefined) throw new ApiFailure('refused', t('nothingToListen'), { rule: 'not_answered' })
  return chosen
}

/**
 * The channel a recording of the call is made on: the caller's (the call's first channel), so it
 * follows the caller through transfers and holds both sides of the conversation; else the first
 * channel that is up.
 */
export function recordedChannel(call: LiveCall, channels: readonly LiveChannel[]): LiveChannel {
  const first = channels.find((c) => c.id === call.id && c.state === UP)
  const chosen = first ?? channels.find((c) => c.state === UP)
  if (chosen === undefined) throw new ApiFailure('refused', t('nothingToRecord'), { rule: 'not_answered' })
  return chosen
}
