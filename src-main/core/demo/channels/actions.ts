/**
 * AMI actions on channels and bridges: CoreShowChannels, Status, BridgeList, BridgeInfo,
 * Hangup, Getvar and Setvar (snapshots*.raw for the lists, errors.raw for the error texts).
 */
import { getFunction, setFunction } from '../presence/actions'
import { strftime } from '../system/strftime'
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart } from '../ami-context'
import type { AmiField } from '../ami-wire'
import { type Channel, bridgeBlock, channelBlock } from '../model'

function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

function coreShowChannels(ctx: ActionContext): void {
  listStart(ctx, 'Channels will follow')
  const list = ctx.pbx.channels.list()
  for (const ch of list) {
    listItem(
      ctx,
      'CoreShowChannel',
      [
        ...channelBlock(ch),
        ['Application', ch.app],
        ['ApplicationData', ch.appData],
        ['Duration', duration(ctx.pbx.now() - ch.createdMs)],
        ['BridgeId', ch.bridgeId ?? ''],
      ],
      true,
    )
  }
  listComplete(ctx, 'CoreShowChannelsComplete', list.length)
}

function statusFields(ctx: ActionContext, ch: Channel): AmiField[] {
  const audio = ch.tech === 'Local' ? 'slin' : 'ulaw'
  const vars: AmiField[] = []
  const wanted = ctx.get('Variables')
  if (wanted) {
    for (const v of wanted.split(',')) {
      const name = v.trim()
      if (name) vars.push(['Variable', `${name}=${ch.vars.get(name) ?? ''}`])
    }
  }
  return [
    ['Privilege', 'Call'],
    ...channelBlock(ch),
    ['Type', ch.tech],
    ['DNID', ''],
    ['EffectiveConnectedLineNum', ch.connectedNum || '<unknown>'],
    ['EffectiveConnectedLineName', ch.connectedName || '<unknown>'],
    ['TimeToHangup', '0'],
    ['BridgeID', ch.bridgeId ?? ''],
    ['Application', ch.app],
    ['Data', ch.appData],
    ['Nativeformats', `(${audio})`],
    ['Readformat', audio],
    ['Readtrans', ''],
    ['Writeformat', audio],
    ['Writetrans', ''],
    ['Callgroup', '0'],
    ['Pickupgroup', '0'],
    ['Seconds', String(Math.floor((ctx.pbx.now() - ch.createdMs) / 1000))],
    ...vars,
  ]
}

function status(ctx: ActionContext): void {
  const name = ctx.get('Channel')
  let list: Channel[]
  if (name) {
    const ch = ctx.pbx.channels.find(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    list = [ch]
  } else list = ctx.pbx.channels.list()
  listStart(ctx, 'Channel status will follow')
  for (const ch of list) listItem(ctx, 'Status', statusFields(ctx, ch), false)
  listComplete(ctx, 'StatusComplete', list.length, [['Items', String(list.length)]])
}

function bridgeList(ctx: ActionContext): void {
  const type = ctx.get('BridgeType')
  listStart(ctx, 'Bridge listing will follow')
  const list = [...ctx.pbx.bridges.byId.values()].filter((b) => !type || b.type === type)
  for (const b of list) listItem(ctx, 'BridgeListItem', bridgeBlock(b), true)
  listComplete(ctx, 'BridgeListComplete', list.length)
}

function bridgeInfo(ctx: ActionContext): void {
  const id = ctx.get('BridgeUniqueid')
  if (!id) {
    ctx.error('Bridge identifier not provided')
    return
  }
  const b = ctx.pbx.bridges.byId.get(id)
  if (!b) {
    ctx.error(`Bridge ${id} not found`)
    return
  }
  listStart(ctx, 'Bridge channel listing will follow')
  for (const ch of b.channels) listItem(ctx, 'BridgeInfoChannel', channelBlock(ch), true)
  listComplete(ctx, 'BridgeInfoComplete', b.channels.length, bridgeBlock(b))
}

function hangup(ctx: ActionContext): void {
  const name = ctx.get('Channel')
  if (!name) {
    ctx.error('No channel specified')
    return
  }
  const cause = Number.parseInt(ctx.get('Cause') ?? '16', 10)
  const regex = /^\/(.*)\/$/.exec(name)
  if (regex?.[1] !== undefined) {
    let re: RegExp
    try {
      re = new RegExp(regex[1])
    } catch {
      ctx.error('Invalid regex')
      return
    }
    const hits = ctx.pbx.channels.list().filter((c) => re.test(c.name))
    ctx.reply('Success', [
      ['Message', 'Channels hung up'],
      ['Hungup', String(hits.length)],
    ])
    for (const c of hits) ctx.pbx.hangups.soft(c, Number.isFinite(cause) ? cause : 16)
    return
  }
  const ch = ctx.pbx.channels.find(name)
  if (!ch) {
    ctx.error('No such channel')
    return
  }
  ctx.reply('Success', [['Message', 'Channel Hungup']])
  ctx.pbx.hangups.request(ch, Number.isFinite(cause) ? cause : 16)
}

function getvar(ctx: ActionContext): void {
  const variable = ctx.get('Variable')
  if (!variable) {
    ctx.error('No variable specified')
    return
  }
  const name = ctx.get('Channel')
  if (name) {
    const ch = ctx.pbx.channels.find(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    const value =
      variable === 'CHANNEL(state)' ? (['Down', '', '', '', 'Ring', 'Ringing', 'Up', 'Busy'][ch.state] ?? '') : (ch.vars.get(variable) ?? '')
    ctx.reply('Success', [
      ['Variable', variable],
      ['Value', value],
    ])
    return
  }
  // A function read without a channel (Asterisk gives it a dummy one): the PBX's clock, else the presence functions.
  const strftimeArgs = /^STRFTIME\((.*)\)$/.exec(variable)?.[1]
  ctx.reply('Success', [
    ['Variable', variable],
    ['Value', strftimeArgs === undefined ? (getFunction(ctx.pbx, variable) ?? '') : strftime(strftimeArgs, ctx.pbx.now())],
  ])
}

function setvar(ctx: ActionContext): void {
  const variable = ctx.get('Variable')
  if (!variable) {
    ctx.error('No variable specified')
    return
  }
  const name = ctx.get('Channel')
  const value = ctx.get('Value') ?? ''
  if (name) {
    const ch = ctx.pbx.channels.find(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    ctx.reply('Success', [['Message', 'Variable Set']])
    const ev = ctx.pbx.channelEvents
    if (variable === 'CALLERID(name)') ev.setCallerId(ch, ch.callerNum, value)
    else if (variable === 'CALLERID(num)') ev.setCallerId(ch, value, ch.callerName)
    else ev.setVar(ch, variable, value)
    return
  }
  // DEVICE_STATE(Custom:…) and PRESENCE_STATE(CustomPresence:…) refuse a bad value or provider.
  if (setFunction(ctx.pbx, variable, value) === 'invalid') {
    ctx.error('Variable not set')
    return
  }
  ctx.reply('Success', [['Message', 'Variable Set']])
}

export const CHANNEL_ACTIONS: ActionHandlers = {
  coreshowchannels: coreShowChannels,
  status,
  bridgelist: bridgeList,
  bridgeinfo: bridgeInfo,
  hangup,
  getvar,
  setvar,
}
