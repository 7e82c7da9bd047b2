/** AMI MailboxCount and MailboxStatus. */
import type { ActionContext, ActionHandlers } from '../ami-context'

function mailboxCount(ctx: ActionContext): void {
  const box = (ctx.get('Mailbox') ?? '').split('@')[0] ?? ''
  const mb = ctx.pbx.voicemail.mailboxes.get(box)
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
  const mb = ctx.pbx.voicemail.mailboxes.get(box)
  ctx.reply('Success', [
    ['Message', 'Mailbox Status'],
    ['Mailbox', ctx.get('Mailbox') ?? ''],
    ['Waiting', String(mb?.newMessages ?? 0)],
  ])
}

export const VOICEMAIL_ACTIONS: ActionHandlers = {
  mailboxcount: mailboxCount,
  mailboxstatus: mailboxStatus,
}
