import { useEffect, useRef, useState } from 'react'
import type { ActionDone } from '../../../../src-preload/types/actions'
import { FORWARD_KINDS, NOTE_MAX_CHARS, NOTE_STATUSES, type ForwardKind, type NoteStatus } from '../../../../src-preload/types/presence'
import type { Result } from '../../../../src-preload/types/result'
import { whenActionsOn } from '../../actions/action-gate'
import { runAction } from '../../actions/run-action'
import { ModalDialog } from '../../components/ModalDialog'
import { Field, SelectField, TextField } from '../../components/form'
import { PeoplePicker, peopleFor } from '../../components/people-picker'
import { nameOf } from '../../stores/directory-store'
import { setForward, setNote, usePresenceStore, type TransferQuestion } from '../../stores/presence-store'
import { transferQuestionWords } from './transfer-words'

const FORWARD_LABELS: Record<ForwardKind, string> = {
  unconditional: 'Always forward to',
  busy: 'When busy, forward to',
  noAnswer: 'When not answered, forward to',
}

const NOTE_LABELS: Record<NoteStatus, string> = {
  available: 'Available',
  away: 'Away',
  xa: 'Away for longer',
  dnd: 'Do not disturb',
  unavailable: 'Unavailable',
  chat: 'Free to chat',
}

/** What a forward field means: a name typed ("eva") is its best match's number, as the picker's Enter takes it; digits as typed. */
function targetOf(typed: string): string {
  const t = typed.trim()
  if (!/\p{L}/u.test(t)) return t
  return peopleFor(t, 1)[0]?.destination ?? t
}

/** "105 Eva Fischer", or "105" while the name is not known. */
function who(extension: string): string {
  const name = nameOf(extension)
  return name === undefined || name === '' ? extension : `${extension} ${name}`
}

/** A modal frame: Escape and a click outside cancel; the first field takes the focus. */
function Modal({
  label,
  onCancel,
  onSubmit,
  children,
}: {
  label: string
  onCancel: () => void
  onSubmit: () => void
  children: React.ReactNode
}): React.JSX.Element {
  const form = useRef<HTMLFormElement>(null)
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, button')?.focus()
  }, [])
  return (
    <ModalDialog label={label} className="presence-dialog" dialogRef={form} onClose={onCancel} onSubmit={onSubmit}>
      <p className="prompt-title">{label}</p>
      {children}
    </ModalDialog>
  )
}

/**
 * Forwarding of one extension as FreePBX keeps it: always, when busy, when not answered. Each
 * target is a number or an extension, judged in main like a dial (a premium number is refused
 * there, in words, and the field keeps what was typed). An empty field switches that forward off.
 */
export function ForwardDialog({ extension, onClose }: { extension: string; onClose: () => void }): React.JSX.Element {
  const now = usePresenceStore((s) => s.extensions[extension]?.forward) ?? {}
  const [draft, setDraft] = useState<Record<ForwardKind, string>>({
    unconditional: now.unconditional ?? '',
    busy: now.busy ?? '',
    noAnswer: now.noAnswer ?? '',
  })
  const [errors, setErrors] = useState<Partial<Record<ForwardKind, string>>>({})
  const [busy, setBusy] = useState(false)
  const save = (): void => {
    whenActionsOn(() => {
      setBusy(true)
      void (async () => {
        const failed: Partial<Record<ForwardKind, string>> = {}
        for (const kind of FORWARD_KINDS) {
          const typed = targetOf(draft[kind])
          if (typed === (now[kind] ?? '')) continue
          const pending: Promise<Result<ActionDone>> | undefined = setForward(extension, kind, typed === '' ? null : typed)
          if (pending === undefined) continue
          const r = await runAction(pending)
          if (!r.ok) failed[kind] = r.error.message
        }
        setBusy(false)
        setErrors(failed)
        if (Object.keys(failed).length === 0) onClose()
      })()
    })
  }
  return (
    <Modal label={`Forwarding of ${who(extension)}`} onCancel={onClose} onSubmit={save}>
      {FORWARD_KINDS.map((kind) => (
        <Field key={kind} label={FORWARD_LABELS[kind]} error={errors[kind]}>
          {(a11y) => (
            <PeoplePicker
              inputId={a11y.id}
              label={FORWARD_LABELS[kind]}
              value={draft[kind]}
              placeholder="A name, number or extension — empty: off"
              onChange={(v) => {
                setDraft({ ...draft, [kind]: v })
              }}
              onPick={(destination) => {
                setDraft({ ...draft, [kind]: destination })
              }}
            />
          )}
        </Field>
      ))}
      <p className="muted small">Outside numbers are checked like a dial: premium and international numbers are refused.</p>
      <div className="buttons">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
      </div>
    </Modal>
  )
}

/** A presence note ("Lunch, back at 2") with its state, as the PBX's presence state keeps it. */
export function NoteDialog({ extension, onClose }: { extension: string; onClose: () => void }): React.JSX.Element {
  const note = usePresenceStore((s) => s.extensions[extension]?.note)
  const [status, setStatus] = useState<NoteStatus>(note !== undefined && note.status !== 'not_set' ? note.status : 'away')
  const [message, setMessage] = useState(note === undefined ? '' : [note.subtype, note.message].filter((t) => t !== '').join(', '))
  const [error, setError] = useState<string | undefined>()
  const save = (text: string, state: NoteStatus): void => {
    whenActionsOn(() => {
      const pending = setNote(extension, state, text.trim())
      if (pending === undefined) return
      void runAction(pending).then((r) => {
        if (r.ok) onClose()
        else setError(r.error.message)
      })
    })
  }
  return (
    <Modal
      label={`Note for ${who(extension)}`}
      onCancel={onClose}
      onSubmit={() => {
        save(message, status)
      }}
    >
      <SelectField label="State" value={status} options={NOTE_STATUSES.map((s) => ({ value: s, label: NOTE_LABELS[s] }))} onChange={setStatus} />
      <TextField
        label="Note"
        value={message}
        placeholder="Lunch, back at 2"
        maxLength={NOTE_MAX_CHARS}
        error={error}
        note={`Shown on the lamp and in the transfer picker (at most ${String(NOTE_MAX_CHARS)} characters).`}
        onChange={setMessage}
      />
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            save('', 'available')
          }}
        >
          Clear
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="primary">
          Save
        </button>
      </div>
    </Modal>
  )
}

/**
 * Before a transfer to an extension that is offline or on do not disturb: says so, and offers its
 * voicemail (the default), the transfer anyway, or nothing.
 */
export function TransferQuestionDialog({ question }: { question: TransferQuestion }): React.JSX.Element {
  const first = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  const words = transferQuestionWords(question.extension)
  return (
    <ModalDialog
      role="alertdialog"
      label={words.title}
      closeOnBackdrop={false}
      onClose={() => {
        question.answer('cancel')
      }}
    >
      <p className="prompt-title">{words.title}</p>
      <p>{question.why}.</p>
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            question.answer('cancel')
          }}
        >
          Cancel
        </button>
        <button
          type="button"
          onClick={() => {
            question.answer('transfer')
          }}
        >
          Transfer anyway
        </button>
        <button
          ref={first}
          type="button"
          className="primary"
          onClick={() => {
            question.answer('voicemail')
          }}
        >
          {words.voicemail}
        </button>
      </div>
    </ModalDialog>
  )
}
