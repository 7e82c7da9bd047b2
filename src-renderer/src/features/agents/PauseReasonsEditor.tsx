import { useEffect, useRef, useState } from 'react'
import { ModalDialog } from '../../components/ModalDialog'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'

/** One reason a line; blank lines dropped, repeats once, at most 40 reasons of 40 characters. */
export function parseReasons(text: string): { reasons: string[]; problem?: string } {
  const reasons: string[] = []
  for (const raw of text.split('\n')) {
    const r = raw.trim()
    if (r === '' || reasons.includes(r)) continue
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(r)) return { reasons, problem: `“${r}” holds a hidden character` }
    if (r.length > 40) return { reasons, problem: `“${r.slice(0, 20)}…” is longer than 40 characters` }
    reasons.push(r)
  }
  if (reasons.length > 40) return { reasons, problem: 'At most 40 reasons' }
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
      label="Pause reasons"
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
      <p className="prompt-title">Pause reasons</p>
      <label htmlFor="pause-reasons">One reason a line, in the order offered</label>
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
      {error !== null && <p className="field-error">Not saved: {error}</p>}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={parsed.problem !== undefined}>
          Save
        </button>
      </div>
    </ModalDialog>
  )
}
