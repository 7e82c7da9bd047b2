/** AMI PlayDTMF, MixMonitor, StopMixMonitor and MixMonitorMute (words as mixmonitor.raw shows them). */
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
  const file = ctx.get('File') ?? ''
  const options = ctx.get('Options') ?? ''
  // Neither a file nor options: MixMonitor() is given no arguments and refuses.
  if (file === '' && options === '') {
    ctx.error('Could not start monitoring channel')
    return
  }
  // The id is told only to who asked for it with i(<var>) (manager_mixmonitor in app_mixmonitor.c).
  const askedForId = /i\([^)]+\)/.test(options)
  ctx.pbx.recording.start(ch, file === '' ? `${ch.uniqueid}.wav` : file, options, (id) => {
    ctx.reply('Success', askedForId ? [['MixMonitorID', id]] : [])
  })
}

function stopMixMonitor(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  if (!ctx.pbx.recording.stop(ch, ctx.get('MixMonitorID') || undefined)) {
    ctx.error('Could not stop monitoring channel')
    return
  }
  ctx.reply('Success', [])
}

function mixMonitorMute(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'No such channel' })
  if (!ch) return
  const direction = (ctx.get('Direction') ?? '').toLowerCase()
  if (direction === '') {
    ctx.error('No direction specified. Must be read, write or both')
    return
  }
  if (direction !== 'read' && direction !== 'write' && direction !== 'both') {
    ctx.error('Invalid direction specified. Must be read, write or both')
    return
  }
  const state = ctx.get('State') ?? ''
  if (state === '') {
    ctx.error('No state specified')
    return
  }
  if (!ctx.pbx.recording.mute(ch, direction, truthy(state), ctx.get('MixMonitorID') || undefined)) {
    ctx.error('Cannot set mute flag')
    return
  }
  ctx.reply('Success', [])
}

export const FEATURE_ACTIONS: ActionHandlers = {
  playdtmf: playDtmf,
  mixmonitor: mixMonitor,
  stopmixmonitor: stopMixMonitor,
  mixmonitormute: mixMonitorMute,
}
