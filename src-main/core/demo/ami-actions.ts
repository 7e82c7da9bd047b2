/**
 * The AMI action dispatcher of the demo server: checks login and write permission as the lab's
 * Asterisk 22.10.1 did (its ListCommands table, action-table.ts), then hands the action to the
 * concern that owns it. Each concern lists its actions beside its model (queues/actions.ts…);
 * a new action is one handler there, in a table registered below.
 */
import type { AmiMessage } from '../ami/message'
import { ACTION_TABLE } from './action-table'
import { type ActionContext, type ActionHandler, type ActionHandlers, securityBase, sendOwnEvent } from './ami-context'
import type { DemoAmiServer } from './ami-server'
import type { AmiSession } from './ami-session'
import { mayWrite } from './ami-users'
import type { AmiField } from './ami-wire'
import { ASTDB_ACTIONS } from './astdb/actions'
import { CHANNEL_ACTIONS } from './channels/actions'
import { DEVICE_ACTIONS } from './devices/actions'
import { DIALPLAN_ACTIONS } from './dialplan/actions'
import { FEATURE_ACTIONS } from './features/actions'
import { MANAGER_ACTIONS } from './manager/actions'
import { PARKING_ACTIONS } from './parking/actions'
import { PRESENCE_ACTIONS } from './presence/actions'
import { QUEUE_ACTIONS } from './queues/actions'
import { SYSTEM_ACTIONS } from './system/actions'
import { TRANSFER_ACTIONS } from './transfers/actions'
import { VOICEMAIL_ACTIONS } from './voicemail/actions'

const ACTIONS = new Map(ACTION_TABLE.map(([name, synopsis, priv]) => [name.toLowerCase(), { name, synopsis, priv }]))

/**
 * One table from the concerns' tables. Fails at load when two concerns claim an action or an
 * action is missing from the server's ListCommands table (it would skip the permission check).
 */
function assemble(...tables: readonly ActionHandlers[]): ReadonlyMap<string, ActionHandler> {
  const all = new Map<string, ActionHandler>()
  for (const table of tables) {
    for (const [name, handler] of Object.entries(table)) {
      if (all.has(name)) throw new Error(`AMI action ${name} is handled twice`)
      if (!ACTIONS.has(name)) throw new Error(`AMI action ${name} is not in the action table`)
      all.set(name, handler)
    }
  }
  return all
}

const HANDLERS = assemble(
  MANAGER_ACTIONS,
  SYSTEM_ACTIONS,
  CHANNEL_ACTIONS,
  DIALPLAN_ACTIONS,
  TRANSFER_ACTIONS,
  PARKING_ACTIONS,
  QUEUE_ACTIONS,
  DEVICE_ACTIONS,
  FEATURE_ACTIONS,
  VOICEMAIL_ACTIONS,
  ASTDB_ACTIONS,
  PRESENCE_ACTIONS,
)

/** Actions allowed before Login (everything else: `Permission denied`). */
const PRE_LOGIN = new Set(['login', 'challenge', 'logoff'])

export function handleAmiAction(server: DemoAmiServer, session: AmiSession, action: AmiMessage): Promise<void> | void {
  const actionName = action.get('Action')
  const actionId = action.get('ActionID')
  const ctx: ActionContext = {
    server,
    pbx: server.engine.pbx,
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
  if (!known) {
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
  if (session.user && !mayWrite(session.user, known.priv)) {
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
    ctx.error(`The demo PBX does not simulate ${known.name}`)
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
    return result.finally(() => {
      session.releaseEvents()
    })
  }
  session.releaseEvents()
}
