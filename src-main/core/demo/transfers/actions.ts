/** AMI Redirect, BlindTransfer, Atxfer and CancelAtxfer (transfer.raw, atxfer-*.raw, errors.raw). */
import { type ActionContext, type ActionHandlers, requireChannel } from '../ami-context'

function redirect(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'Channel not specified', unknown: (name) => `Channel does not exist: ${name}` })
  if (!ch) return
  const context = ctx.get('Context') ?? ch.context
  const exten = ctx.get('Exten') ?? ''
  if (!ctx.pbx.config.route(context, exten)) {
    ctx.error('Extension does not exist.')
    return
  }
  ctx.reply('Success', [['Message', 'Redirect successful']])
  ctx.pbx.blind.redirect(ch, context, exten)
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
  const transferee = ctx.pbx.bridges.of(ch)?.channels.find((c) => c !== ch)
  if (!transferee || !ctx.pbx.config.route(context, exten)) {
    ctx.error('Transfer failed')
    return
  }
  ctx.reply('Success', [['Message', 'Transfer succeeded']])
  ctx.pbx.blind.redirect(transferee, context, exten, { transferer: ch })
  ctx.pbx.hangups.soft(ch, 16)
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
  if (!ctx.pbx.config.route(context, exten)) {
    ctx.error('Extension does not exist')
    return
  }
  ctx.reply('Success', [['Message', 'Atxfer successfully queued']])
  ctx.pbx.attended.start(ch, context, exten)
}

function cancelAtxfer(ctx: ActionContext): void {
  const ch = requireChannel(ctx, { missing: 'No channel specified', unknown: 'Channel specified does not exist' })
  if (!ch) return
  ctx.reply('Success', [['Message', 'CancelAtxfer successfully queued']])
  ctx.pbx.attended.cancel(ch)
}

export const TRANSFER_ACTIONS: ActionHandlers = {
  redirect,
  blindtransfer: blindTransfer,
  atxfer,
  cancelatxfer: cancelAtxfer,
}
