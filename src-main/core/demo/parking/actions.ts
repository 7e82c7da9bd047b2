/** AMI Park, ParkedCalls and Parkinglots (park.raw, snapshots.raw). */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart, requireChannel } from '../ami-context'
import { parkerDialString } from '../dialplan/dialplan'

function park(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'Channel not specified', unknown: 'Channel does not exist' })
  if (!ch) return
  const tcName = ctx.get('TimeoutChannel')
  const tc = tcName ? ctx.pbx.channels.find(tcName) : undefined
  const timeoutMs = ctx.get('Timeout') !== undefined ? Number.parseInt(ctx.get('Timeout') ?? '', 10) : undefined
  const parker = parkerDialString((tc ?? ch).name)
  ctx.reply('Success', [['Message', 'Park successful']])
  const space = ctx.pbx.parking.park(ch, tc, parker, Number.isFinite(timeoutMs) ? timeoutMs : undefined)
  if (space === undefined) ctx.pbx.hangups.soft(ch, 34)
}

function parkedCalls(ctx: ActionContext): void {
  listStart(ctx, 'Parked calls will follow')
  const list = [...ctx.pbx.parking.parked.values()]
  for (const pc of list) listItem(ctx, 'ParkedCall', ctx.pbx.parking.fields(pc), false)
  listComplete(ctx, 'ParkedCallsComplete', list.length, [['Total', String(list.length)]])
}

function parkinglots(ctx: ActionContext): void {
  const lot = ctx.pbx.config.parking
  listStart(ctx, 'Parking lots will follow')
  listItem(
    ctx,
    'Parkinglot',
    [
      ['Name', lot.name],
      ['StartSpace', String(lot.start)],
      ['StopSpace', String(lot.stop)],
      ['Timeout', String(lot.timeoutS)],
    ],
    true,
  )
  listComplete(ctx, 'ParkinglotsComplete', 1)
}

export const PARKING_ACTIONS: ActionHandlers = {
  park,
  parkedcalls: parkedCalls,
  parkinglots,
}
