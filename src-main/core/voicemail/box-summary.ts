import type { VoicemailMessageView } from '../../../src-preload/types/voicemail'
import type { AmiMessage } from '../ami/message'

/** `"Customer 5550123" <5550123>` → name and number; a bare number or name stays what it is. */
export function splitCallerId(text: string): { name: string; number: string } {
  const t = text.trim()
  const m = /^(?:"([^"]*)"|([^<]*?))\s*<([^>]*)>$/.exec(t)
  if (m !== null) return { name: (m[1] ?? m[2] ?? '').trim(), number: (m[3] ?? '').trim() }
  return /^[+0-9*#]+$/.test(t) ? { name: '', number: t } : { name: t === 'Unknown' ? '' : t, number: '' }
}

/** The messages of VoicemailBoxSummary's VoicemailBoxDetail events (voicemail.raw), newest folder first as listed. */
export function messagesOf(events: readonly AmiMessage[]): VoicemailMessageView[] {
  return events
    .filter((e) => e.get('Event') === 'VoicemailBoxDetail')
    .map((e) => {
      const caller = splitCallerId(e.get('CallerID') ?? '')
      const duration = Number.parseInt(e.get('Duration') ?? '', 10)
      const folder = e.get('Folder') ?? ''
      return {
        folder,
        callerName: caller.name,
        callerNumber: caller.number,
        date: (e.get('Date') ?? '').replace(/\s+/g, ' ').trim(),
        durationSeconds: Number.isFinite(duration) ? duration : undefined,
        urgent: folder === 'Urgent' || /urgent/i.test(e.get('Flag') ?? ''),
        id: e.get('ID') ?? '',
      }
    })
}
