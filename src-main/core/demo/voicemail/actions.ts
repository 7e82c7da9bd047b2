/** AMI MailboxCount and MailboxStatus. */
import { type ActionContext, type ActionHandlers, listComplete, listItem, listStart } from '../ami-context'

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

/**
 * VoicemailUsersList as voicemail.raw shows it: one VoicemailUserEntry per mailbox (ActionID first),
 * its full name from FreePBX's voicemail record (office) or the lab's `Phone <box>`.
 */
function voicemailUsersList(ctx: ActionContext): void {
  const records = ctx.pbx.config.freepbx?.applied.voicemail
  const boxes = [...ctx.pbx.voicemail.mailboxes.keys()]
  listStart(ctx, 'Voicemail user list will follow')
  for (const box of boxes) {
    const record = records?.get(box)
    const mb = ctx.pbx.voicemail.mailboxes.get(box)
    listItem(
      ctx,
      'VoicemailUserEntry',
      [
        ['VMContext', record?.context ?? 'default'],
        ['VoiceMailbox', box],
        ['Fullname', record?.name ?? `Phone ${box}`],
        ['Email', record?.email ?? ''],
        ['Pager', record?.pager ?? ''],
        ['ServerEmail', `${ctx.pbx.config.systemName}@localhost`],
        ['FromString', ''],
        ['MailCommand', '/bin/true'],
        ['Language', ''],
        ['TimeZone', 'utc'],
        ['Callback', ''],
        ['Dialout', ''],
        ['UniqueID', ''],
        ['ExitContext', ''],
        ['SayDurationMinimum', '2'],
        ['SayEnvelope', record?.envelope === 'no' ? 'No' : 'Yes'],
        ['SayCID', record?.saycid === 'yes' ? 'Yes' : 'No'],
        ['AttachMessage', record?.attach === 'yes' ? 'Yes' : 'No'],
        ['AttachmentFormat', ''],
        ['DeleteMessage', record?.delete === 'yes' ? 'Yes' : 'No'],
        ['VolumeGain', '0.00'],
        ['CanReview', 'No'],
        ['CanMarkUrgent', 'Yes'],
        ['CallOperator', 'No'],
        ['MaxMessageCount', '100'],
        ['MaxMessageLength', '30'],
        ['NewMessageCount', String(mb?.newMessages ?? 0)],
        ['OldMessageCount', String(mb?.oldMessages ?? 0)],
      ],
      true,
    )
  }
  listComplete(ctx, 'VoicemailUserEntryComplete', boxes.length)
}

export const VOICEMAIL_ACTIONS: ActionHandlers = {
  mailboxcount: mailboxCount,
  mailboxstatus: mailboxStatus,
  voicemailuserslist: voicemailUsersList,
}
