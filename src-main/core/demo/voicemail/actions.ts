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

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const two = (n: number): string => String(n).padStart(2, '0')

/** A message's date as voicemail.raw shows it (`Sun Dec  6 05:32:31 PM UTC 2026`: strftime's %a %b %e %r %Z %Y, in UTC). */
export function boxDate(ms: number): string {
  const d = new Date(ms)
  const h = d.getUTCHours()
  const clock = `${two(h % 12 === 0 ? 12 : h % 12)}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} ${h < 12 ? 'AM' : 'PM'}`
  return `${DAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2, ' ')} ${clock} UTC ${String(d.getUTCFullYear())}`
}

/**
 * VoicemailBoxSummary as voicemail.raw shows it: one VoicemailBoxDetail per message (ActionID
 * first), then VoicemailBoxDetailComplete; an unknown box is a Success with words and no list.
 */
function voicemailBoxSummary(ctx: ActionContext): void {
  const box = ctx.get('Mailbox') ?? ''
  const context = ctx.get('Context') ?? ''
  const mb = ctx.pbx.voicemail.mailboxes.get(box)
  if (mb === undefined || mb.mailbox !== `${box}@${context}`) {
    ctx.reply('Success', [['Message', 'There is no voicemail user matching the given user.']])
    return
  }
  listStart(ctx, 'Voicemail box detail will follow')
  // app_voicemail walks its folders in order (INBOX, Old, Work …), each box's messages oldest first.
  const listed = [...mb.messages.filter((m) => m.folder === 'INBOX'), ...mb.messages.filter((m) => m.folder === 'Old')]
  for (const m of listed) {
    const cid = m.callerName === '' ? `<${m.callerNum}>` : `"${m.callerName}" <${m.callerNum}>`
    listItem(
      ctx,
      'VoicemailBoxDetail',
      [
        ['Folder', m.folder],
        ['CallerID', cid],
        ['Date', boxDate(m.at)],
        ['Duration', String(m.durationS)],
        ['Flag', ''],
        ['ID', m.id],
      ],
      true,
    )
  }
  listComplete(ctx, 'VoicemailBoxDetailComplete', mb.messages.length)
}

export const VOICEMAIL_ACTIONS: ActionHandlers = {
  voicemailboxsummary: voicemailBoxSummary,
  mailboxcount: mailboxCount,
  mailboxstatus: mailboxStatus,
  voicemailuserslist: voicemailUsersList,
}
