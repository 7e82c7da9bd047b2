import type { LiveChannel, LiveParty } from '../../../src-preload/types/live'
import { ApiFailure } from '../errors/api-failure'
import type { LiveModel } from '../live'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

/** Asterisk's ChannelState for a phone that rings (AST_STATE_RINGING). */
const RINGING = 5

/** The call ringing at an extension, as the live state shows it now. */
export interface RingingCall {
  /** The ringing phone's channel (Asterisk picks up a ringing channel, not a call). */
  readonly channelId: string
  /** Who rings there, as the call list names them; undefined while the call is not listed yet. */
  readonly caller: LiveParty | undefined
}

/** The devices of an extension's hint (`PJSIP/104&Custom:DND104` → both). */
function hintDevices(hint: string): string[] {
  // `PJSIP/105&Custom:DND105,CustomPresence:105`: the devices come before the comma, the presence provider after.
  return (hint.split(',')[0] ?? '')
    .split('&')
    .map((d) => d.trim())
    .filter((d) => d !== '')
}

/**
 * The call a directed pickup of `extension` would take, from the live state only — never from
 * what the window sent beyond the extension's number. Refused, in the operator's words, when the
 * extension is not one of this PBX's, is the operator's own, or rings for nobody now. When several
 * calls ring there, the one ringing longest is named (the one the operator most likely means).
 */
export function ringingCallAt(model: LiveModel, extension: string, ownExtension: string): RingingCall {
  const ext = Object.hasOwn(model.extensions, extension) ? model.extensions[extension] : undefined
  if (ext === undefined) throw new ApiFailure('refused', t('notAnExtension', { extension }), { rule: 'unknown_extension' })
  if (extension === ownExtension) {
    throw new ApiFailure('refused', t('ownPhone', { extension: ownExtension }), { rule: 'own_extension' })
  }
  const ringing: LiveChannel[] = []
  if (ext.state === 'RINGING' || ext.state === 'RINGINUSE') {
    for (const device of hintDevices(ext.hint)) {
      for (const id of model.index.deviceChannels[device] ?? []) {
        const ch = model.channels[id]
        if (ch?.state === RINGING) ringing.push(ch)
      }
    }
  }
  const longest = ringing.sort((a, b) => a.createdAt - b.createdAt)[0]
  if (longest === undefined) throw new ApiFailure('not_found', t('nothingRinging', { extension }))
  const callId = model.index.channelCall[longest.id]
  const call = callId === undefined ? undefined : model.calls[callId]
  return { channelId: longest.id, caller: call?.caller }
}
