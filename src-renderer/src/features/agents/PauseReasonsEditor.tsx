import { useEffect, useRef, useState } from 'react'
import { ModalDialog } from '../../components/ModalDialog'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

/** One reason a line; blank lines dropped, repeats once, at most 40 reasons of 40 characters. */
export function parseReasons(text: string): { reasons: string[]; problem?: string } {
  const reasons: string[] = []
  for (const raw of text.split('\n')) {
    const r = raw.trim()
    if (r === '' || reasons.includes(r)) continue
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(r)) return { reasons, problem: t('reasons.hidden', { reason: r }) }
    if (r.length > 40) return { reasons, problem: t('reasons.tooLong', { start: r.slice(0, 20) }) }
    reasons.push(r)
  }
  if (reasons.length > 40) return { reasons, problem: t('reasons.tooMany') }
  return { reasons }
}

/** The pause reasons this PBX's supervisors offer (a reason may still be typed when pausing). */
export function PauseReasonsEditor({ onClose }: { onClose: () => void }): React.JSX.Element {
  const prefs = useQueuePrefsStore((s) => s.prefs)
  const save = useQueuePrefsStore((s) => s.save)
  const [text, setText] = useState(prefs.pauseReasons.join('\n'))
  const [error, setError] = useState<string | null>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  useEffect(() => {
    area.current?.focus()
  }, [])
  const parsed = parseReasons(text)
  return (
    <ModalDialog
      label={t('reasons.title')}
      className="membership-dialog"
      onClose={onClose}
      onSubmit={() => {
        if (parsed.problem !== undefined) return
        void save({ ...prefs, pauseReasons: parsed.reasons }).then((err) => {
          if (err === null) onClose()
          else setError(err.message)
        })
      }}
    >
      <p className="prompt-title">{t('reasons.title')}</p>
      <label htmlFor="pause-reasons">{t('reasons.label')}</label>
      <textarea
        id="pause-reasons"
        ref={area}
        rows={9}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
        }}
      />
      {parsed.problem !== undefined && <p className="field-error">{parsed.problem}</p>}
      {error !== null && <p className="field-error">{t('reasons.notSaved', { reason: error })}</p>}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button type="submit" className="primary" disabled={parsed.problem !== undefined}>
          {tc('save')}
        </button>
      </div>
    </ModalDialog>
  )
}
