/** AMI Originate: sync (answers when the call is up or failed) and Async (OriginateResponse later). */
import { type ActionContext, type ActionHandlers, idField, truthy } from '../ami-context'
import type { AmiField } from '../ami-wire'
import { MAX_UNIQUEID } from '../channels/registry'
import type { Channel } from '../model'

function parseCallerId(raw: string | undefined): { num?: string; name?: string } {
  if (raw === undefined) return {}
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]*)>\s*$/.exec(raw)
  if (m) return { name: m[1] ?? '', num: m[2] ?? '' }
  return { num: raw.trim(), name: '' }
}

async function originate(ctx: ActionContext): Promise<void> {
  const channel = ctx.get('Channel')
  if (!channel) {
    ctx.error('Channel not specified')
    return
  }
  const channelId = ctx.get('ChannelId')
  const otherId = ctx.get('OtherChannelId')
  for (const id of [channelId, otherId]) {
    if (id !== undefined && id.length > MAX_UNIQUEID) {
      ctx.error(`Uniqueid length exceeds maximum of ${MAX_UNIQUEID}`)
      return
    }
  }
  const { pbx } = ctx
  const app = ctx.get('Application')
  const context = ctx.get('Context')
  const exten = ctx.get('Exten')
  if (app === undefined && context !== undefined && exten !== undefined && !pbx.config.route(context, exten)) {
    ctx.error('Extension does not exist.')
    return
  }
  const async = truthy(ctx.get('Async'))
  const cid = parseCallerId(ctx.get('CallerID'))
  const variables: [string, string][] = []
  for (const raw of ctx.action.getAll('Variable')) {
    for (const part of raw.split(',')) {
      const eq = part.indexOf('=')
      if (eq > 0) variables.push([part.slice(0, eq), part.slice(eq + 1)])
    }
  }
  const timeoutRaw = Number.parseInt(ctx.get('Timeout') ?? '', 10)
  const idInUse = channelId !== undefined && pbx.channels.byId.has(channelId)
  const otherIdInUse = !idInUse && otherId !== undefined && pbx.channels.byId.has(otherId)
  const request = {
    channel,
    context,
    exten,
    priority: Number.parseInt(ctx.get('Priority') ?? '1', 10) || 1,
    application: app,
    data: ctx.get('Data'),
    callerNum: cid.num,
    callerName: cid.name,
    channelId,
    otherChannelId: otherId,
    variables,
    timeoutMs: Number.isFinite(timeoutRaw) ? timeoutRaw : undefined,
  }
  const responseFields = (ok: boolean, reason: number, ch: Channel | undefined, dialString: string): AmiField[] => [
    ...idField(ctx),
    ['Response', ok ? 'Success' : 'Failure'],
    ['Channel', ok && ch ? ch.name : dialString],
    ...(app !== undefined
      ? ([
          ['Application', app],
          ['Data', ctx.get('Data') ?? ''],
        ] as AmiField[])
      : ([
          ['Context', context ?? ''],
          ['Exten', exten ?? ''],
        ] as AmiField[])),
    ['Reason', String(reason)],
    ['Uniqueid', ch ? ch.uniqueid : idInUse && channelId ? channelId : '<unknown>'],
    ['CallerIDNum', ch?.callerNum || '<unknown>'],
    ['CallerIDName', ch?.callerName || '<unknown>'],
  ]
  if (async) {
    ctx.reply('Success', [['Message', 'Originate successfully queued']])
    if (idInUse) {
      ctx.server.broadcastAmi('OriginateResponse', 'call,all', responseFields(false, 0, undefined, channel))
      return
    }
    if (otherIdInUse) {
      const half = pbx.originates.otherIdTaken(channel, channelId)
      ctx.server.broadcastAmi('OriginateResponse', 'call,all', responseFields(false, 0, half, channel))
      return
    }
    pbx.originates.originate(request, (r) => {
      ctx.server.broadcastAmi('OriginateResponse', 'call,all', responseFields(r.ok, r.reason, r.channel, r.dialString))
    })
    return
  }
  if (idInUse || otherIdInUse) {
    if (otherIdInUse) pbx.originates.otherIdTaken(channel, channelId)
    ctx.error('Originate failed')
    return
  }
  // Sync: Asterisk's manager thread blocks in the originate and only then writes the response;
  // the events the call raised meanwhile reach this session after it (held until the action ends).
  const result = await new Promise<boolean>((resolve) => {
    pbx.originates.originate(request, (r) => {
      resolve(r.ok)
    })
  })
  if (result) ctx.reply('Success', [['Message', 'Originate successfully queued']])
  else ctx.error('Originate failed')
}

export const DIALPLAN_ACTIONS: ActionHandlers = {
  originate,
}
