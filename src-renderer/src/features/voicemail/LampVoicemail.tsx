import { useVoicemailStore, newText } from '../../stores/voicemail-store'

/**
 * A lamp's voicemail mark: "2 new" while its extension's mailbox holds new messages (the PBX's
 * MWI), nothing otherwise. Its own subscription, so a count change re-renders this mark only.
 */
export function LampVoicemail({ extension }: { extension: string }): React.JSX.Element | null {
  const box = useVoicemailStore((s) => s.byNumber[extension])
  if (box === undefined || box.newMessages === 0) return null
  const words = `${newText(box)} voicemail message${box.newMessages === 1 ? '' : 's'}`
  return (
    <span className={`lamp-vm${(box.urgentMessages ?? 0) > 0 ? ' urgent' : ''}`} title={words} aria-label={words}>
      {String(box.newMessages)} new
    </span>
  )
}

const badges = new Map<string, React.JSX.Element>()

/**
 * The lamp's badge with its voicemail mark after the other marks it carries (presence), made once
 * per extension: the lamp tiles are memoised on their props, and each mark follows its store itself.
 */
export function lampVoicemailBadge(extension: string, others: React.ReactNode): React.JSX.Element {
  let badge = badges.get(extension)
  if (badge === undefined) {
    badge = (
      <>
        <LampVoicemail extension={extension} />
        {others}
      </>
    )
    badges.set(extension, badge)
  }
  return badge
}
