/**
 * AMI action handlers of the demo server. Messages, key names and key order are those of the
 * real Asterisk 22.10.1 captures (test/fixtures/asterisk/ami): errors.raw for the error texts,
 * snapshots*.raw for the lists, login-*.raw for authentication.
 */
import type { AmiMessage } from '../ami/message'
import { ACTION_TABLE } from './action-table'
import type { AmiSession } from './ami-session'
import { mayWrite, parseClasses } from './ami-users'
import type { AmiField, AmiFields } from './ami-wire'
import type { DemoAmiServer } from './ami-server'
import { PbxEngine, hintStatus } from './engine'
import { type Channel, channelBlock, isoMillis, epochMicros, bridgeBlock } from './model'
import { serviceLevelText } from './queue-figures'

const ACTIONS = new Map(ACTION_TABLE.map(([name, synopsis, priv]) => [name.toLowerCase(), { name, synopsis, priv }]))

const VERSION = '22.10.1'

type Handler = (ctx: ActionContext) => Promise<void> | void

interface ActionContext {
  readonly server: DemoAmiServer
  readonly engine: PbxEngine
  readonly session: AmiSession
  readonly action: AmiMessage
  readonly actionId: string | undefined
  /** Writes a response (ActionID added when the action had one, right after Response:). */
  reply(response: 'Success' | 'Error' | 'Goodbye', rest: AmiFields): void
  error(message: string): void
  get(key: string): string | undefined
}

function idField(ctx: ActionContext): AmiField[] {
  return ctx.actionId !== undefined ? [['ActionID', ctx.actionId]] : []
}

function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(1|yes|true|y|t|on)$/i.test(v.trim())
}

function securityBase(ctx: ActionContext, severity: string): AmiField[] {
  return [
    ['EventTV', isoMillis(ctx.engine.now())],
    ['Severity', severity],
    ['Service', 'AMI'],
    ['EventVersion', '1'],
  ]
}

function sendOwnEvent(ctx: ActionContext, name: string, privilege: string, fields: AmiFields, withSystemName = true): void {
  const cls = privilege.split(',')[0] ?? ''
  const user = ctx.session.user
  if (!user || !ctx.session.eventsOn || !user.read.has(cls)) return
  if (ctx.session.eventMask && !ctx.session.eventMask.has(cls)) return
  ctx.session.send([
    ['Event', name],
    ['Privilege', privilege],
    ...(withSystemName ? ([['SystemName', ctx.engine.systemName]] as AmiField[]) : []),
    ...fields,
  ])
}

function listStart(ctx: ActionContext, message: string): void {
  ctx.reply('Success', [['EventList', 'start'], ['Message', message]])
}

function listItem(ctx: ActionContext, name: string, fields: AmiFields, actionIdFirst: boolean): void {
  const id = idField(ctx)
  ctx.session.send(actionIdFirst ? [['Event', name], ...id, ...fields] : [['Event', name], ...fields, ...id])
}

function listComplete(ctx: ActionContext, name: string, count: number, extra: AmiFields = []): void {
  ctx.session.send([['Event', name], ...idField(ctx), ['EventList', 'Complete'], ['ListItems', String(count)], ...extra])
}

function duration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000))
  const pad = (n: number): string => String(n).padStart(2, '0')
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

function findChannel(ctx: ActionContext, key = 'Channel'): Channel | undefined {
  const name = ctx.get(key)
  return name ? ctx.engine.findChannel(name) : undefined
}

/** Asterisk's words, which differ from action to action, for a missing and an unknown channel. */
interface ChannelWords {
  readonly missing: string
  readonly unknown: string | ((name: string) => string)
  /** Checked between the two, where Asterisk checks another header first (Atxfer's Exten). */
  readonly before?: () => string | undefined
}

/** The channel the action's `Channel` header names, or undefined after answering with the error. */
function requireChannel(ctx: ActionContext, words: ChannelWords): Channel | undefined {
  const name = ctx.get('Channel')
  if (!name) {
    ctx.error(words.missing)
    return undefined
  }
  const earlier = words.before?.()
  if (earlier !== undefined) {
    ctx.error(earlier)
    return undefined
  }
  const ch = ctx.engine.findChannel(name)
  if (!ch) ctx.error(typeof words.unknown === 'string' ? words.unknown : words.unknown(name))
  return ch
}

// ------------------------------------------------------------------ authentication

async function login(ctx: ActionContext): Promise<void> {
  const { session, server } = ctx
  if (session.user) {
    ctx.reply('Success', [['Message', 'Already authenticated']])
    return
  }
  const username = ctx.get('Username') ?? ''
  const user = server.users.find((u) => u.username === username)
  const md5 = (ctx.get('AuthType') ?? '').toLowerCase() === 'md5'
  const ok = user !== undefined && (md5 ? session.checkMd5(ctx.get('Key') ?? '', user.secret) : ctx.get('Secret') === user.secret)
  if (!ok) {
    // Asterisk answers a failed login after a pause, then closes the connection.
    await new Promise((resolve) => setTimeout(resolve, server.authFailDelayMs))
    ctx.reply('Error', [['Message', 'Authentication failed']])
    session.end()
    return
  }
  session.user = user
  const events = ctx.get('Events')
  applyEventsSetting(session, events)
  ctx.reply('Success', [['Message', 'Authentication accepted']])
  const uptime = String(server.uptimeSeconds())
  sendOwnEvent(ctx, 'FullyBooted', 'system,all', [['Uptime', uptime], ['LastReload', uptime], ['Status', 'Fully Booted']], false)
  sendOwnEvent(ctx, 'SuccessfulAuth', 'security,all', [
    ...securityBase(ctx, 'Informational'),
    ['AccountID', user.username],
    ['SessionID', session.sessionId],
    ['LocalAddress', session.localAddress],
    ['RemoteAddress', session.remoteAddress],
    ['UsingPassword', '0'],
    ['SessionTV', session.sessionTv],
  ])
}

function applyEventsSetting(session: AmiSession, value: string | undefined): 'on' | 'off' {
  if (value === undefined) return session.eventsOn ? 'on' : 'off'
  const v = value.trim().toLowerCase()
  if (v === 'off' || v === 'no' || v === 'false' || v === '0' || v === 'none') {
    session.eventsOn = false
    session.eventMask = undefined
    return 'off'
  }
  session.eventsOn = true
  session.eventMask = v === 'on' || v === 'yes' || v === 'true' || v === '1' || v === 'all' ? undefined : parseClasses(v)
  return 'on'
}

function challenge(ctx: ActionContext): void {
  if ((ctx.get('AuthType') ?? '').toLowerCase() !== 'md5') {
    ctx.error('Must specify AuthType')
    return
  }
  ctx.session.challenge ??= String(Math.floor(ctx.engine.rng.next() * 2147483647))
  ctx.reply('Success', [['Challenge', ctx.session.challenge]])
}

// ------------------------------------------------------------------ simple actions

function ping(ctx: ActionContext): void {
  ctx.reply('Success', [['Ping', 'Pong'], ['Timestamp', epochMicros(Date.now())]])
}

function logoff(ctx: ActionContext): void {
  ctx.reply('Goodbye', [['Message', 'Thanks for all the fish.']])
  ctx.session.end()
}

function events(ctx: ActionContext): void {
  const state = applyEventsSetting(ctx.session, ctx.get('EventMask') ?? 'on')
  ctx.reply('Success', [['Events', state === 'on' ? 'On' : 'Off']])
}

function filter(ctx: ActionContext): void {
  const op = (ctx.get('Operation') ?? 'Add').toLowerCase()
  const spec = ctx.get('Filter')
  if (op !== 'add' || spec === undefined || spec === '') {
    ctx.error('Filter Operation: Invalid')
    return
  }
  const exclude = spec.startsWith('!')
  let re: RegExp
  try {
    re = new RegExp(exclude ? spec.slice(1) : spec)
  } catch {
    ctx.error('Filter Rejected')
    return
  }
  if (exclude) ctx.session.filters.exclude.push(re)
  else ctx.session.filters.include.push(re)
  ctx.reply('Success', [['Message', 'Filter Added Successfully']])
}

function listCommands(ctx: ActionContext): void {
  ctx.reply('Success', ACTION_TABLE.map(([name, synopsis, priv]) => [name, `${synopsis}  (Priv: ${priv})`] as AmiField))
}

function userEvent(ctx: ActionContext): void {
  const name = ctx.get('UserEvent')
  if (!name) {
    ctx.error('UserEvent needs a UserEvent header')
    return
  }
  const rest = ctx.action.fields().filter(([k]) => !/^(action|actionid|userevent)$/i.test(k))
  ctx.reply('Success', [['Message', 'Event Sent']])
  ctx.server.broadcastAmi('UserEvent', 'user,all', [['UserEvent', name], ...idField(ctx), ...rest])
}

// ------------------------------------------------------------------ snapshots

function coreShowChannels(ctx: ActionContext): void {
  listStart(ctx, 'Channels will follow')
  const list = ctx.engine.channelList()
  for (const ch of list) {
    listItem(ctx, 'CoreShowChannel', [
      ...channelBlock(ch),
      ['Application', ch.app],
      ['ApplicationData', ch.appData],
      ['Duration', duration(ctx.engine.now() - ch.createdMs)],
      ['BridgeId', ch.bridgeId ?? ''],
    ], true)
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
    ['Seconds', String(Math.floor((ctx.engine.now() - ch.createdMs) / 1000))],
    ...vars,
  ]
}

function status(ctx: ActionContext): void {
  const name = ctx.get('Channel')
  let list: Channel[]
  if (name) {
    const ch = ctx.engine.findChannel(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    list = [ch]
  } else list = ctx.engine.channelList()
  listStart(ctx, 'Channel status will follow')
  for (const ch of list) listItem(ctx, 'Status', statusFields(ctx, ch), false)
  listComplete(ctx, 'StatusComplete', list.length, [['Items', String(list.length)]])
}

function bridgeList(ctx: ActionContext): void {
  const type = ctx.get('BridgeType')
  listStart(ctx, 'Bridge listing will follow')
  const list = [...ctx.engine.bridges.values()].filter((b) => !type || b.type === type)
  for (const b of list) listItem(ctx, 'BridgeListItem', bridgeBlock(b), true)
  listComplete(ctx, 'BridgeListComplete', list.length)
}

function bridgeInfo(ctx: ActionContext): void {
  const id = ctx.get('BridgeUniqueid')
  if (!id) {
    ctx.error('Bridge identifier not provided')
    return
  }
  const b = ctx.engine.bridges.get(id)
  if (!b) {
    ctx.error(`Bridge ${id} not found`)
    return
  }
  listStart(ctx, 'Bridge channel listing will follow')
  for (const ch of b.channels) listItem(ctx, 'BridgeInfoChannel', channelBlock(ch), true)
  listComplete(ctx, 'BridgeInfoComplete', b.channels.length, bridgeBlock(b))
}

function queueStatus(ctx: ActionContext): void {
  const only = ctx.get('Queue')
  const memberFilter = ctx.get('Member')
  listStart(ctx, 'Queue status will follow')
  let n = 0
  const now = ctx.engine.now()
  for (const q of ctx.engine.queues.values()) {
    if (only && q.name !== only) continue
    listItem(ctx, 'QueueParams', [
      ['Queue', q.name],
      ['Max', '0'],
      ['Strategy', q.strategy],
      ['Calls', String(q.callers.length)],
      ['Holdtime', String(q.holdTimeAvg)],
      ['TalkTime', String(q.talkTimeAvg)],
      ['Completed', String(q.completed)],
      ['Abandoned', String(q.abandoned)],
      ['ServiceLevel', String(q.serviceLevel)],
      ['ServicelevelPerf', serviceLevelText(q.completedInSl, q.completed)],
      ['ServicelevelPerf2', serviceLevelText(q.completedInSl + q.abandonedInSl, q.completed + q.abandoned)],
      ['Weight', '0'],
    ], false)
    n++
    for (const m of q.members) {
      if (memberFilter && m.interface !== memberFilter && m.name !== memberFilter) continue
      const f = ctx.engine.queueMemberFields(q, m)
      const get = (k: string): string => f.find(([key]) => key === k)?.[1] ?? ''
      listItem(ctx, 'QueueMember', [
        ['Queue', q.name],
        ['Name', m.name],
        ['Location', m.interface],
        ['StateInterface', m.stateInterface],
        ['Membership', m.membership],
        ['Penalty', String(m.penalty)],
        ['CallsTaken', String(m.callsTaken)],
        ['LastCall', String(m.lastCall)],
        ['LastPause', String(m.lastPause)],
        ['LoginTime', String(m.loginTime)],
        ['InCall', m.inCall ? '1' : '0'],
        ['Status', get('Status')],
        ['Paused', m.paused ? '1' : '0'],
        ['PausedReason', m.pausedReason],
        ['Wrapuptime', String(m.wrapupTime)],
      ], false)
      n++
    }
    q.callers.forEach((c, i) => {
      const ch = c.channel
      listItem(ctx, 'QueueEntry', [
        ['Queue', q.name],
        ['Position', String(i + 1)],
        ['Channel', ch.name],
        ['Uniqueid', ch.uniqueid],
        ['CallerIDNum', ch.callerNum || '<unknown>'],
        ['CallerIDName', ch.callerName || '<unknown>'],
        ['ConnectedLineNum', ch.connectedNum || '<unknown>'],
        ['ConnectedLineName', ch.connectedName || '<unknown>'],
        ['Wait', String(Math.floor((now - c.joinedMs) / 1000))],
        ['Priority', '0'],
      ], false)
      n++
    })
  }
  listComplete(ctx, 'QueueStatusComplete', n)
}

function queueSummary(ctx: ActionContext): void {
  const only = ctx.get('Queue')
  listStart(ctx, 'Queue summary will follow')
  let n = 0
  const now = ctx.engine.now()
  for (const q of ctx.engine.queues.values()) {
    if (only && q.name !== only) continue
    const loggedIn = q.members.filter((m) => {
      const s = ctx.engine.memberState(m)
      return s !== 'UNAVAILABLE' && s !== 'INVALID'
    }).length
    const available = q.members.filter((m) => !m.paused && ctx.engine.memberState(m) === 'NOT_INUSE').length
    const longest = q.callers.reduce((mx, c) => Math.max(mx, Math.floor((now - c.joinedMs) / 1000)), 0)
    listItem(ctx, 'QueueSummary', [
      ['Queue', q.name],
      ['LoggedIn', String(loggedIn)],
      ['Available', String(available)],
      ['Callers', String(q.callers.length)],
      ['HoldTime', String(q.holdTimeAvg)],
      ['TalkTime', String(q.talkTimeAvg)],
      ['LongestHoldTime', String(longest)],
    ], false)
    n++
  }
  listComplete(ctx, 'QueueSummaryComplete', n)
}

function extensionState(ctx: ActionContext): void {
  const exten = ctx.get('Exten') ?? ''
  const context = ctx.get('Context') ?? ctx.engine.profile.internalContext
  const phone = ctx.engine.hintOf(exten)
  if (!phone) {
    ctx.reply('Success', [['Message', 'Extension Status'], ['Exten', exten], ['Context', context], ['Hint', ''], ['Status', '-1'], ['StatusText', 'Unknown']])
    return
  }
  phone.hintInstantiated = true
  const [code, text] = hintStatus(ctx.engine.computeDeviceState(phone.device))
  ctx.reply('Success', [['Message', 'Extension Status'], ['Exten', exten], ['Context', context], ['Hint', phone.device], ['Status', String(code)], ['StatusText', text]])
}

function extensionStateList(ctx: ActionContext): void {
  listStart(ctx, 'Extension Statuses will follow')
  let n = 0
  for (const phone of ctx.engine.phones.values()) {
    // Office phones have explicit hints; the lab's pattern hint is instantiated lazily.
    if (ctx.engine.profile.id === 'lab' && !phone.hintInstantiated) continue
    const [code, text] = hintStatus(ctx.engine.computeDeviceState(phone.device))
    listItem(ctx, 'ExtensionStatus', [['Exten', phone.exten], ['Context', phone.context], ['Hint', phone.device], ['Status', String(code)], ['StatusText', text]], true)
    n++
  }
  listComplete(ctx, 'ExtensionStateListComplete', n)
}

function deviceStateList(ctx: ActionContext): void {
  listStart(ctx, 'Device State Changes will follow')
  let n = 0
  for (const [device, state] of ctx.engine.deviceStates) {
    // Local channels publish their device states uncached: DeviceStateList never shows them
    // (snapshots.raw lists none while four Local devices are in use).
    if (device.startsWith('Local/')) continue
    listItem(ctx, 'DeviceStateChange', [['Device', device], ['State', state]], true)
    n++
  }
  listComplete(ctx, 'DeviceStateListComplete', n)
}

function parkedCalls(ctx: ActionContext): void {
  listStart(ctx, 'Parked calls will follow')
  const list = [...ctx.engine.parked.values()]
  for (const pc of list) listItem(ctx, 'ParkedCall', ctx.engine.parkedFields(pc), false)
  listComplete(ctx, 'ParkedCallsComplete', list.length, [['Total', String(list.length)]])
}

function parkinglots(ctx: ActionContext): void {
  const lot = ctx.engine.profile.parking
  listStart(ctx, 'Parking lots will follow')
  listItem(ctx, 'Parkinglot', [['Name', lot.name], ['StartSpace', String(lot.start)], ['StopSpace', String(lot.stop)], ['Timeout', String(lot.timeoutS)]], true)
  listComplete(ctx, 'ParkinglotsComplete', 1)
}

function coreStatus(ctx: ActionContext): void {
  const start = new Date(ctx.engine.startedMs).toISOString()
  const reload = new Date(ctx.engine.reloadedMs).toISOString()
  ctx.reply('Success', [
    ['CoreStartupDate', start.slice(0, 10)],
    ['CoreStartupTime', start.slice(11, 19)],
    ['CoreReloadDate', reload.slice(0, 10)],
    ['CoreReloadTime', reload.slice(11, 19)],
    ['CoreCurrentCalls', String(ctx.engine.channels.size)],
    ['CoreProcessedCalls', String(ctx.engine.processedCalls)],
  ])
}

function coreSettings(ctx: ActionContext): void {
  ctx.reply('Success', [
    ['AMIversion', '11.0.0'],
    ['AsteriskVersion', VERSION],
    ['SystemName', ctx.engine.systemName],
    ['CoreMaxCalls', '200'],
    ['CoreMaxLoadAvg', '0.000000'],
    ['CoreRunUser', ''],
    ['CoreRunGroup', ''],
    ['CoreMaxFilehandles', '0'],
    ['CoreRealTimeEnabled', 'No'],
    ['CoreCDRenabled', 'Yes'],
    ['CoreHTTPenabled', 'Yes'],
    ['SoundsSearchCustomDir', 'No'],
  ])
}

function versionLine(ctx: ActionContext): string {
  const built = new Date(ctx.engine.startedMs).toISOString().slice(0, 19).replace('T', ' ')
  return `Asterisk ${VERSION} built by attendant @ demo-pbx on a x86_64 running Linux on ${built} UTC`
}

function coreShowChannelsOutput(ctx: ActionContext): string[] {
  const col = (s: string, n: number): string => s.slice(0, n).padEnd(n)
  const out = [`${col('Channel', 64)} ${col('Location', 32)} ${col('State', 7)} ${col('Application(Data)', 30)}`]
  const list = ctx.engine.channelList()
  for (const ch of list) {
    const where = ch.exten === '' ? '(None)' : `${ch.exten}@${ch.context}:${ch.priority}`
    const state = ({ 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up', 7: 'Busy' } as Record<number, string>)[ch.state] ?? 'Unknown'
    out.push(`${col(ch.name, 64)} ${col(where, 32)} ${col(state, 7)} ${col(`${ch.app}(${ch.appData})`, 30)}`)
  }
  const calls = list.filter((c) => !(c.tech === 'Local' && c.localHalf === 1 && c.dialedBy)).length
  out.push(`${list.length} active channel${list.length === 1 ? '' : 's'}`)
  out.push(`${calls} of 200 max active call${calls === 1 ? '' : 's'} ( ${((calls / 200) * 100).toFixed(2)}% of capacity)`)
  out.push(`${ctx.engine.processedCalls} call${ctx.engine.processedCalls === 1 ? '' : 's'} processed`)
  return out
}

function command(ctx: ActionContext): void {
  const cmd = (ctx.get('Command') ?? '').trim().replace(/\s+/g, ' ')
  let lines: string[] | undefined
  if (cmd === 'core show version') lines = [versionLine(ctx)]
  else if (cmd === 'core show channels') lines = coreShowChannelsOutput(ctx)
  else if (cmd === 'core show uptime') lines = [`System uptime: ${ctx.server.uptimeSeconds()} seconds`]
  if (!lines) {
    const words = cmd.split(' ')
    ctx.reply('Error', [
      ['Message', 'Command output follows'],
      ['Output', `No such command '${cmd}' (type 'core show help ${words.slice(0, 2).join(' ')}' for other possible commands)`],
    ])
    return
  }
  ctx.reply('Success', [['Message', 'Command output follows'], ...lines.map((l) => ['Output', l] as AmiField)])
}

// ------------------------------------------------------------------ call control

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
    const hits = ctx.engine.channelList().filter((c) => re.test(c.name))
    ctx.reply('Success', [['Message', 'Channels hung up'], ['Hungup', String(hits.length)]])
    for (const c of hits) ctx.engine.softHangup(c, Number.isFinite(cause) ? cause : 16)
    return
  }
  const ch = ctx.engine.findChannel(name)
  if (!ch) {
    ctx.error('No such channel')
    return
  }
  ctx.reply('Success', [['Message', 'Channel Hungup']])
  ctx.engine.requestHangup(ch, Number.isFinite(cause) ? cause : 16)
}

function redirect(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'Channel not specified', unknown: (name) => `Channel does not exist: ${name}` })
  if (!ch) return
  const context = ctx.get('Context') ?? ch.context
  const exten = ctx.get('Exten') ?? ''
  if (!ctx.engine.profile.route(context, exten)) {
    ctx.error('Extension does not exist.')
    return
  }
  ctx.reply('Success', [['Message', 'Redirect successful']])
  ctx.engine.redirect(ch, context, exten)
}

function blindTransfer(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'Channel specified does not exist' })
  if (!ch) return
  const exten = ctx.get('Exten')
  if (!exten) {
    ctx.error('No extension specified')
    return
  }
  const context = ctx.get('Context') ?? ch.context
  const bridge = ch.bridgeId ? ctx.engine.bridges.get(ch.bridgeId) : undefined
  const transferee = bridge?.channels.find((c) => c !== ch)
  if (!transferee || !ctx.engine.profile.route(context, exten)) {
    ctx.error('Transfer failed')
    return
  }
  ctx.reply('Success', [['Message', 'Transfer succeeded']])
  ctx.engine.redirect(transferee, context, exten, { transferer: ch })
  ctx.engine.softHangup(ch, 16)
}

function atxfer(ctx: ActionContext): void {
  const exten = ctx.get('Exten') ?? ''
  const ch = requireChannel(ctx, {
    missing: 'No channel specified',
    before: () => (exten === '' ? 'No extension specified' : undefined),
    unknown: 'Channel specified does not exist',
  })
  if (!ch) return
  const context = ctx.get('Context') ?? ch.context
  if (!ctx.engine.profile.route(context, exten)) {
    ctx.error('Extension does not exist')
    return
  }
  ctx.reply('Success', [['Message', 'Atxfer successfully queued']])
  ctx.engine.atxfer(ch, context, exten)
}

function cancelAtxfer(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'Channel specified does not exist' })
  if (!ch) return
  ctx.reply('Success', [['Message', 'CancelAtxfer successfully queued']])
  ctx.engine.cancelAtxfer(ch)
}

function park(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'Channel not specified', unknown: 'Channel does not exist' })
  if (!ch) return
  const tcName = ctx.get('TimeoutChannel')
  const tc = tcName ? ctx.engine.findChannel(tcName) : undefined
  const timeoutMs = ctx.get('Timeout') !== undefined ? Number.parseInt(ctx.get('Timeout') ?? '', 10) : undefined
  const parker = tc ? tc.name.replace(/-[0-9a-f]{8}(;\d)?$/, '') : ch.name.replace(/-[0-9a-f]{8}(;\d)?$/, '')
  ctx.reply('Success', [['Message', 'Park successful']])
  const space = ctx.engine.parkChannel(ch, tc, parker, Number.isFinite(timeoutMs) ? timeoutMs : undefined)
  if (space === undefined) ctx.engine.softHangup(ch, 34)
}

function playDtmf(ctx: ActionContext): void {
  const ch = findChannel(ctx)
  if (!ch) {
    ctx.error('Channel not found')
    return
  }
  ctx.reply('Success', [['Message', 'DTMF successfully queued']])
  const digit = ctx.get('Digit') ?? ''
  if (digit !== '') ctx.engine.playDtmf(ch, digit.slice(0, 1), truthy(ctx.get('Receive')))
}

function getvar(ctx: ActionContext): void {
  const variable = ctx.get('Variable')
  if (!variable) {
    ctx.error('No variable specified')
    return
  }
  const name = ctx.get('Channel')
  if (name) {
    const ch = ctx.engine.findChannel(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    const value = variable === 'CHANNEL(state)' ? (['Down', '', '', '', 'Ring', 'Ringing', 'Up', 'Busy'][ch.state] ?? '') : (ch.vars.get(variable) ?? '')
    ctx.reply('Success', [['Variable', variable], ['Value', value]])
    return
  }
  ctx.reply('Success', [['Variable', variable], ['Value', '']])
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
    const ch = ctx.engine.findChannel(name)
    if (!ch) {
      ctx.error('No such channel')
      return
    }
    ctx.reply('Success', [['Message', 'Variable Set']])
    if (variable === 'CALLERID(name)') ctx.engine.setCallerId(ch, ch.callerNum, value)
    else if (variable === 'CALLERID(num)') ctx.engine.setCallerId(ch, value, ch.callerName)
    else ctx.engine.setVar(ch, variable, value)
    return
  }
  ctx.reply('Success', [['Message', 'Variable Set']])
}

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
    if (id !== undefined && id.length > PbxEngine.MAX_UNIQUEID) {
      ctx.error(`Uniqueid length exceeds maximum of ${PbxEngine.MAX_UNIQUEID}`)
      return
    }
  }
  const app = ctx.get('Application')
  const context = ctx.get('Context')
  const exten = ctx.get('Exten')
  if (app === undefined && context !== undefined && exten !== undefined && !ctx.engine.profile.route(context, exten)) {
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
  const idInUse = channelId !== undefined && ctx.engine.uniqueidInUse(channelId)
  const otherIdInUse = !idInUse && otherId !== undefined && ctx.engine.uniqueidInUse(otherId)
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
    ...(app !== undefined ? ([['Application', app], ['Data', ctx.get('Data') ?? '']] as AmiField[]) : ([['Context', context ?? ''], ['Exten', exten ?? '']] as AmiField[])),
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
      const half = ctx.engine.originateOtherIdTaken(channel, channelId)
      ctx.server.broadcastAmi('OriginateResponse', 'call,all', responseFields(false, 0, half, channel))
      return
    }
    ctx.engine.originate(request, (r) => { ctx.server.broadcastAmi('OriginateResponse', 'call,all', responseFields(r.ok, r.reason, r.channel, r.dialString)); })
    return
  }
  if (idInUse || otherIdInUse) {
    if (otherIdInUse) ctx.engine.originateOtherIdTaken(channel, channelId)
    ctx.error('Originate failed')
    return
  }
  // Sync: Asterisk's manager thread blocks in the originate and only then writes the response;
  // the events the call raised meanwhile reach this session after it (held until the action ends).
  const result = await new Promise<boolean>((resolve) => {
    ctx.engine.originate(request, (r) => { resolve(r.ok); })
  })
  if (result) ctx.reply('Success', [['Message', 'Originate successfully queued']])
  else ctx.error('Originate failed')
}

// ------------------------------------------------------------------ queues

function queuePause(ctx: ActionContext): void {
  const iface = ctx.get('Interface')
  const paused = ctx.get('Paused')
  if (!iface || paused === undefined) {
    ctx.error('Need \'Interface\' and \'Paused\' parameters.')
    return
  }
  const on = truthy(paused)
  if (!ctx.engine.queuePause(ctx.get('Queue'), iface, on, ctx.get('Reason') ?? '')) {
    ctx.error('Interface not found')
    return
  }
  ctx.reply('Success', [['Message', on ? 'Interface paused successfully' : 'Interface unpaused successfully']])
}

function queueAdd(ctx: ActionContext): void {
  const queue = ctx.get('Queue')
  const iface = ctx.get('Interface')
  if (!queue || !iface) {
    ctx.error("'Queue' or 'Interface' not set.")
    return
  }
  const penalty = Number.parseInt(ctx.get('Penalty') ?? '0', 10)
  const result = ctx.engine.queueAdd(
    queue,
    { interface: iface, name: ctx.get('MemberName') ?? iface, stateInterface: ctx.get('StateInterface') ?? iface, penalty: Number.isFinite(penalty) ? penalty : 0 },
    truthy(ctx.get('Paused')),
    ctx.get('Reason') ?? '',
  )
  if (result === 'ok') ctx.reply('Success', [['Message', 'Added interface to queue']])
  else if (result === 'exists') ctx.error('Unable to add interface: Already there')
  else ctx.error('Unable to add interface to queue: No such queue')
}

function queueRemove(ctx: ActionContext): void {
  const queue = ctx.get('Queue')
  const iface = ctx.get('Interface')
  if (!queue || !iface) {
    ctx.error('Need \'Queue\' and \'Interface\' parameters.')
    return
  }
  const result = ctx.engine.queueRemove(queue, iface)
  if (result === 'ok') ctx.reply('Success', [['Message', 'Removed interface from queue']])
  else if (result === 'notthere') ctx.error('Unable to remove interface: Not there')
  else if (result === 'static') ctx.error('Unable to remove interface: Static member')
  else ctx.error('Unable to remove interface from queue: No such queue')
}

function queuePenalty(ctx: ActionContext): void {
  const iface = ctx.get('Interface')
  const penalty = Number.parseInt(ctx.get('Penalty') ?? '', 10)
  if (!iface || !Number.isFinite(penalty)) {
    ctx.error('Need \'Interface\' and \'Penalty\' parameters.')
    return
  }
  if (!ctx.engine.queuePenalty(ctx.get('Queue'), iface, penalty)) {
    ctx.error('Invalid interface, queuename or penalty')
    return
  }
  ctx.reply('Success', [['Message', 'Interface penalty set successfully']])
}

// ------------------------------------------------------------------ recording, mailboxes

function mixMonitor(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  const file = ctx.get('File') ?? `${ch.uniqueid}.wav`
  const id = ctx.engine.startMixMonitor(ch, file)
  ctx.reply('Success', [['MixMonitorID', id]])
}

function stopMixMonitor(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  if (!ctx.engine.stopMixMonitor(ch)) {
    ctx.error('Could not stop monitoring channel')
    return
  }
  ctx.reply('Success', [])
}

function mailboxCount(ctx: ActionContext): void {
  const box = (ctx.get('Mailbox') ?? '').split('@')[0] ?? ''
  const mb = ctx.engine.mailboxes.get(box)
  if (!ctx.get('Mailbox')) {
    ctx.error('Mailbox not specified')
    return
  }
  ctx.reply('Success', [
    ['Message', 'Mailbox Message Count'],
    ['Mailbox', ctx.get('Mailbox') ?? ''],
    ['UrgMessages', '0'],
    ['NewMessages', String(mb?.newMessages ?? 0)],
    ['OldMessages', String(mb?.oldMessages ?? 0)],
  ])
}

function mailboxStatus(ctx: ActionContext): void {
  const box = (ctx.get('Mailbox') ?? '').split('@')[0] ?? ''
  if (!ctx.get('Mailbox')) {
    ctx.error('Mailbox not specified')
    return
  }
  const mb = ctx.engine.mailboxes.get(box)
  ctx.reply('Success', [['Message', 'Mailbox Status'], ['Mailbox', ctx.get('Mailbox') ?? ''], ['Waiting', String(mb?.newMessages ?? 0)]])
}

const HANDLERS: ReadonlyMap<string, Handler> = new Map<string, Handler>([
  ['login', login],
  ['challenge', challenge],
  ['logoff', logoff],
  ['ping', ping],
  ['events', events],
  ['filter', filter],
  ['listcommands', listCommands],
  ['userevent', userEvent],
  ['coreshowchannels', coreShowChannels],
  ['status', status],
  ['bridgelist', bridgeList],
  ['bridgeinfo', bridgeInfo],
  ['queuestatus', queueStatus],
  ['queuesummary', queueSummary],
  ['extensionstate', extensionState],
  ['extensionstatelist', extensionStateList],
  ['devicestatelist', deviceStateList],
  ['parkedcalls', parkedCalls],
  ['parkinglots', parkinglots],
  ['corestatus', coreStatus],
  ['coresettings', coreSettings],
  ['command', command],
  ['hangup', hangup],
  ['redirect', redirect],
  ['blindtransfer', blindTransfer],
  ['atxfer', atxfer],
  ['cancelatxfer', cancelAtxfer],
  ['park', park],
  ['playdtmf', playDtmf],
  ['getvar', getvar],
  ['setvar', setvar],
  ['originate', originate],
  ['queuepause', queuePause],
  ['queueadd', queueAdd],
  ['queueremove', queueRemove],
  ['queuepenalty', queuePenalty],
  ['mixmonitor', mixMonitor],
  ['stopmixmonitor', stopMixMonitor],
  ['mailboxcount', mailboxCount],
  ['mailboxstatus', mailboxStatus],
])

/** Actions allowed before Login (everything else: `Permission denied`). */
const PRE_LOGIN = new Set(['login', 'challenge', 'logoff'])

export function handleAmiAction(server: DemoAmiServer, session: AmiSession, action: AmiMessage): Promise<void> | void {
  const actionName = action.get('Action')
  const actionId = action.get('ActionID')
  const ctx: ActionContext = {
    server,
    engine: server.engine,
    session,
    action,
    actionId,
    reply(response, rest) {
      session.respond([['Response', response], ...(actionId !== undefined ? ([['ActionID', actionId]] as AmiField[]) : []), ...rest])
    },
    error(message) {
      this.reply('Error', [['Message', message]])
    },
    get: (key) => action.get(key)?.trim(),
  }
  if (actionName === undefined || actionName.trim() === '') {
    ctx.error('Missing action in request')
    return
  }
  const key = actionName.trim().toLowerCase()
  if (!session.user && !PRE_LOGIN.has(key)) {
    ctx.error('Permission denied')
    return
  }
  const known = ACTIONS.get(key)
  const handler = HANDLERS.get(key)
  if (!known && !handler) {
    ctx.error(`Invalid/unknown command: ${actionName.trim()}. Use Action: ListCommands to show available commands.`)
    const user = session.user
    sendOwnEvent(ctx, 'RequestBadFormat', 'security,all', [
      ...securityBase(ctx, 'Error'),
      ['SessionID', session.sessionId],
      ['LocalAddress', session.localAddress],
      ['RemoteAddress', session.remoteAddress],
      ['RequestType', `Action: ${actionName.trim()}`],
      ['SessionTV', session.sessionTv],
      ['AccountID', user?.username ?? ''],
    ])
    return
  }
  if (session.user && known && !mayWrite(session.user, known.priv)) {
    ctx.error('Permission denied')
    sendOwnEvent(ctx, 'RequestNotAllowed', 'security,all', [
      ...securityBase(ctx, 'Error'),
      ['AccountID', session.user.username],
      ['SessionID', session.sessionId],
      ['LocalAddress', session.localAddress],
      ['RemoteAddress', session.remoteAddress],
      ['RequestType', `Action: ${known.name}`],
      ['SessionTV', session.sessionTv],
    ])
    return
  }
  if (!handler) {
    ctx.error(`The demo PBX does not simulate ${known?.name ?? actionName}`)
    return
  }
  session.holdEvents()
  let result: Promise<void> | void
  try {
    result = handler(ctx)
  } catch {
    session.releaseEvents()
    ctx.error('Internal error')
    return
  }
  if (result) {
    return result.finally(() => { session.releaseEvents(); })
  }
  session.releaseEvents()
}
