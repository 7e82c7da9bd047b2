/**
 * AMI PresenceState and PresenceStateList (astdb-presence.raw), and the dialplan functions
 * DEVICE_STATE(Custom:…) and PRESENCE_STATE(CustomPresence:…) that Setvar writes and Getvar
 * reads without a channel (`setFunction` / `getFunction`, called from channels/actions.ts).
 */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart } from '../ami-context'
import type { Pbx } from '../pbx/pbx'
import type { WriteResult } from './presence'

function presenceState(ctx: ActionContext): void {
  const provider = (ctx.get('Provider') ?? '').trim()
  if (provider === '') {
    ctx.error('No provider specified')
    return
  }
  if (!/^CustomPresence:.+/i.test(provider)) {
    ctx.error(`Invalid provider ${provider} or provider in invalid state`)
    return
  }
  const p = ctx.pbx.presence.presence(provider)
  // The response carries the message twice: `Message` (deprecated, after Asterisk's own) and PresenceMessage.
  ctx.reply('Success', [
    ['Message', 'Presence State'],
    ['State', p.status],
    ...(p.subtype === '' ? [] : ([['Subtype', p.subtype]] as const)),
    ...(p.message === ''
      ? []
      : ([
          ['Message', p.message],
          ['PresenceMessage', p.message],
        ] as const)),
  ])
}

function presenceStateList(ctx: ActionContext): void {
  listStart(ctx, 'Presence State Changes will follow')
  const all = ctx.pbx.presence.presences()
  for (const [presentity, p] of all) {
    listItem(
      ctx,
      'PresenceStateChange',
      [
        ['Presentity', presentity],
        ['Status', p.status],
        ['Subtype', p.subtype],
        ['Message', p.message],
      ],
      true,
    )
  }
  listComplete(ctx, 'PresenceStateListComplete', all.length)
}

/** Setvar of a dialplan function without a channel: 'not_mine' for every other variable. */
export function setFunction(pbx: Pbx, variable: string, value: string): WriteResult {
  const devstate = /^DEVICE_STATE\((.*)\)$/i.exec(variable.trim())?.[1]
  if (devstate !== undefined) return pbx.presence.writeDeviceState(devstate, value)
  const presence = /^PRESENCE_STATE\((.*)\)$/i.exec(variable.trim())?.[1]
  if (presence !== undefined) return pbx.presence.writePresence(presence, value)
  return 'not_mine'
}

/** Getvar of DEVICE_STATE(Custom:…) and PRESENCE_STATE(CustomPresence:…,field); undefined for other variables. */
export function getFunction(pbx: Pbx, variable: string): string | undefined {
  const devstate = /^DEVICE_STATE\((.*)\)$/i.exec(variable.trim())?.[1]
  if (devstate !== undefined) return /^Custom:/i.test(devstate) ? pbx.presence.customState(devstate) : pbx.devices.current(devstate)
  const args = /^PRESENCE_STATE\((.*)\)$/i.exec(variable.trim())?.[1]
  if (args === undefined) return undefined
  const [provider = '', field = ''] = args.split(',')
  const p = pbx.presence.presence(provider)
  if (field.toLowerCase() === 'value') return p.status
  if (field.toLowerCase() === 'subtype') return p.subtype
  if (field.toLowerCase() === 'message') return p.message
  return ''
}

export const PRESENCE_ACTIONS: ActionHandlers = {
  presencestate: presenceState,
  presencestatelist: presenceStateList,
}
