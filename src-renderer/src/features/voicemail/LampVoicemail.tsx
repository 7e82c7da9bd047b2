import { useVoicemailStore } from '../../stores/voicemail-store'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * A lamp's voicemail mark: "2 new" while its extension's mailbox holds new messages (the PBX's
 * MWI), nothing otherwise. Its own subscription, so a count change re-renders this mark only.
 */
export function LampVoicemail({ extension }: { extension: string }): React.JSX.Element | null {
  const box = useVoicemailStore((s) => s.byNumber[extension])
  if (box === undefined || box.newMessages === 0) return null
  const urgent = box.urgentMessages ?? 0
  const words = urgent > 0 ? t('lamp.wordsUrgent', { count: box.newMessages, urgent }) : t('lamp.words', { count: box.newMessages })
  return (
    <span className={`lamp-vm${(box.urgentMessages ?? 0) > 0 ? ' urgent' : ''}`} title={words} aria-label={words}>
      {t('lamp.new', { n: String(box.newMessages) })}
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
