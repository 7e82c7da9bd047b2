/** AMI PlayDTMF, MixMonitor and StopMixMonitor. */
import { type ActionContext, type ActionHandlers, findChannel, requireChannel, truthy } from '../ami-context'

function playDtmf(ctx: ActionContext): void {
  const ch = findChannel(ctx)
  if (!ch) {
    ctx.error('Channel not found')
    return
  }
  ctx.reply('Success', [['Message', 'DTMF successfully queued']])
  const digit = ctx.get('Digit') ?? ''
  if (digit !== '') ctx.pbx.dtmf.play(ch, digit.slice(0, 1), truthy(ctx.get('Receive')))
}

function mixMonitor(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  const file = ctx.get('File') ?? `${ch.uniqueid}.wav`
  const id = ctx.pbx.recording.start(ch, file)
  ctx.reply('Success', [['MixMonitorID', id]])
}

function stopMixMonitor(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  if (!ctx.pbx.recording.stop(ch)) {
    ctx.error('Could not stop monitoring channel')
    return
  }
  ctx.reply('Success', [])
}

export const FEATURE_ACTIONS: ActionHandlers = {
  playdtmf: playDtmf,
  mixmonitor: mixMonitor,
  stopmixmonitor: stopMixMonitor,
}
