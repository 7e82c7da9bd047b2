/** The PBX's own status: CoreStatus, CoreSettings and the CLI commands the demo knows (Command). */
import type { ActionContext, ActionHandlers } from '../ami-context'
import type { AmiField } from '../ami-wire'

const VERSION = '22.10.1'

function coreStatus(ctx: ActionContext): void {
  const start = new Date(ctx.pbx.startedMs).toISOString()
  const reload = new Date(ctx.pbx.reloadedMs).toISOString()
  ctx.reply('Success', [
    ['CoreStartupDate', start.slice(0, 10)],
    ['CoreStartupTime', start.slice(11, 19)],
    ['CoreReloadDate', reload.slice(0, 10)],
    ['CoreReloadTime', reload.slice(11, 19)],
    ['CoreCurrentCalls', String(ctx.pbx.channels.byId.size)],
    ['CoreProcessedCalls', String(ctx.pbx.processedCalls)],
  ])
}

function coreSettings(ctx: ActionContext): void {
  ctx.reply('Success', [
    ['AMIversion', '11.0.0'],
    ['AsteriskVersion', VERSION],
    ['SystemName', ctx.pbx.config.systemName],
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
  const built = new Date(ctx.pbx.startedMs).toISOString().slice(0, 19).replace('T', ' ')
  return `Asterisk ${VERSION} built by attendant @ demo-pbx on a x86_64 running Linux on ${built} UTC`
}

function coreShowChannelsOutput(ctx: ActionContext): string[] {
  const col = (s: string, n: number): string => s.slice(0, n).padEnd(n)
  const out = [`${col('Channel', 64)} ${col('Location', 32)} ${col('State', 7)} ${col('Application(Data)', 30)}`]
  const list = ctx.pbx.channels.list()
  for (const ch of list) {
    const where = ch.exten === '' ? '(None)' : `${ch.exten}@${ch.context}:${ch.priority}`
    const state = ({ 0: 'Down', 4: 'Ring', 5: 'Ringing', 6: 'Up', 7: 'Busy' } as Record<number, string>)[ch.state] ?? 'Unknown'
    out.push(`${col(ch.name, 64)} ${col(where, 32)} ${col(state, 7)} ${col(`${ch.app}(${ch.appData})`, 30)}`)
  }
  const calls = list.filter((c) => !(c.tech === 'Local' && c.localHalf === 1 && c.dialedBy)).length
  const processed = ctx.pbx.processedCalls
  out.push(`${list.length} active channel${list.length === 1 ? '' : 's'}`)
  out.push(`${calls} of 200 max active call${calls === 1 ? '' : 's'} ( ${((calls / 200) * 100).toFixed(2)}% of capacity)`)
  out.push(`${processed} call${processed === 1 ? '' : 's'} processed`)
  return out
}

/** `mixmonitor list <channel>`: the channel found by the start of its name, as app_mixmonitor's CLI does. */
function mixMonitorListOutput(ctx: ActionContext, prefix: string): string[] {
  const ch = ctx.pbx.channels.list().find((c) => !c.hungUp && c.name.startsWith(prefix))
  return ch === undefined ? [`No channel matching '${prefix}' found.`] : ctx.pbx.recording.listLines(ch)
}

function command(ctx: ActionContext): void {
  const cmd = (ctx.get('Command') ?? '').trim().replace(/\s+/g, ' ')
  let lines: string[] | undefined
  if (cmd === 'core show version') lines = [versionLine(ctx)]
  else if (cmd === 'core show channels') lines = coreShowChannelsOutput(ctx)
  else if (cmd === 'core show uptime') lines = [`System uptime: ${ctx.server.uptimeSeconds()} seconds`]
  else if (cmd.startsWith('mixmonitor list ')) lines = mixMonitorListOutput(ctx, cmd.slice('mixmonitor list '.length))
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

export const SYSTEM_ACTIONS: ActionHandlers = {
  corestatus: coreStatus,
  coresettings: coreSettings,
  command,
}
