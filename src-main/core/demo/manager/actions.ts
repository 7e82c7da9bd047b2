/**
 * The manager session's own actions: Login (plain and MD5 Challenge), Logoff, Ping, Events,
 * Filter, ListCommands and UserEvent (errors.raw, login-*.raw, snapshots*.raw).
 */
import { ACTION_TABLE } from '../action-table'
import { type ActionContext, type ActionHandlers, idField, securityBase, sendOwnEvent } from '../ami-context'
import type { AmiSession } from '../ami-session'
import { parseClasses } from '../ami-users'
import type { AmiField } from '../ami-wire'
import { epochMicros } from '../model'

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
  sendOwnEvent(
    ctx,
    'FullyBooted',
    'system,all',
    [
      ['Uptime', uptime],
      ['LastReload', uptime],
      ['Status', 'Fully Booted'],
    ],
    false,
  )
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
  ctx.session.challenge ??= String(Math.floor(ctx.pbx.rng.next() * 2147483647))
  ctx.reply('Success', [['Challenge', ctx.session.challenge]])
}

function ping(ctx: ActionContext): void {
  ctx.reply('Success', [
    ['Ping', 'Pong'],
    ['Timestamp', epochMicros(Date.now())],
  ])
}

function logoff(ctx: ActionContext): void {
  ctx.reply('Goodbye', [['Message', 'Thanks for all the fish.']])
  ctx.session.end()
}

function events(ctx: ActionContext): void {
  const state = applyEventsSetting(ctx.session, ctx.get('EventMask') ?? 'on')
  ctx.reply('Success', [['Events', state === 'on' ? 'On' : 'Off']])
}

/**
 * A legacy filter (manager.c action_filter / manager_add_filter): `Operation: Add` only, a regular
 * expression over the whole event text, `!` in front to exclude. POSIX regcomp without REG_NEWLINE:
 * `.` also matches the line breaks (the `s` flag). MatchCriteria (Asterisk 18.26, 20.11, 22.1) is
 * not simulated.
 */
function filter(ctx: ActionContext): void {
  if ((ctx.get('Operation') ?? '').toLowerCase() !== 'add') {
    ctx.error('Unknown operation')
    return
  }
  const spec = ctx.get('Filter') ?? ''
  const exclude = spec.startsWith('!')
  const pattern = exclude ? spec.slice(1) : spec
  if (pattern === '') {
    ctx.error('Filter was formatted incorrectly.  Check the syntax of the filter given.')
    return
  }
  let re: RegExp
  try {
    re = new RegExp(pattern, 's')
  } catch {
    ctx.error('Filter did not compile.  Check the syntax of the filter given.')
    return
  }
  if (exclude) ctx.session.filters.exclude.push(re)
  else ctx.session.filters.include.push(re)
  ctx.reply('Success', [['Message', 'Success']])
}

function listCommands(ctx: ActionContext): void {
  ctx.reply(
    'Success',
    ACTION_TABLE.map(([name, synopsis, priv]) => [name, `${synopsis}  (Priv: ${priv})`] as AmiField),
  )
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

export const MANAGER_ACTIONS: ActionHandlers = {
  login,
  challenge,
  logoff,
  ping,
  events,
  filter,
  listcommands: listCommands,
  userevent: userEvent,
}
