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
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

/** Each forward's label in the shown language. */
const forwardLabel = (kind: ForwardKind): string => t(`fwd.${kind}`)

/** A presence state's name in the shown language. */
const noteLabel = (status: NoteStatus): string => t(`note.${status}`)

/** What a forward field means: a name typed ("eva") is its best match's number, as the picker's Enter takes it; digits as typed. */
function targetOf(typed: string): string {
  const text = typed.trim()
  if (!/\p{L}/u.test(text)) return text
  return peopleFor(text, 1)[0]?.destination ?? text
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
    <Modal label={t('forwardingOf', { who: who(extension) })} onCancel={onClose} onSubmit={save}>
      {FORWARD_KINDS.map((kind) => (
        <Field key={kind} label={forwardLabel(kind)} error={errors[kind]}>
          {(a11y) => (
            <PeoplePicker
              inputId={a11y.id}
              label={forwardLabel(kind)}
              value={draft[kind]}
              placeholder={t('forwardPlaceholder')}
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
      <p className="muted small">{t('forwardNote')}</p>
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {tc('save')}
        </button>
      </div>
    </Modal>
  )
}

/** A presence note ("Lunch, back at 2") with its state, as the PBX's presence state keeps it. */
export function NoteDialog({ extension, onClose }: { extension: string; onClose: () => void }): React.JSX.Element {
  const note = usePresenceStore((s) => s.extensions[extension]?.note)
  const [status, setStatus] = useState<NoteStatus>(note !== undefined && note.status !== 'not_set' ? note.status : 'away')
  const [message, setMessage] = useState(note === undefined ? '' : [note.subtype, note.message].filter((x) => x !== '').join(', '))
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
      label={t('noteFor', { who: who(extension) })}
      onCancel={onClose}
      onSubmit={() => {
        save(message, status)
      }}
    >
      <SelectField label={t('state')} value={status} options={NOTE_STATUSES.map((s) => ({ value: s, label: noteLabel(s) }))} onChange={setStatus} />
      <TextField
        label={t('note')}
        value={message}
        placeholder={t('notePlaceholder')}
        maxLength={NOTE_MAX_CHARS}
        error={error}
        note={t('noteHint', { max: String(NOTE_MAX_CHARS) })}
        onChange={setMessage}
      />
      <div className="buttons">
        <button
          type="button"
          onClick={() => {
            save('', 'available')
          }}
        >
          {t('clear')}
        </button>
        <button type="button" onClick={onClose}>
          {tc('cancel')}
        </button>
        <button type="submit" className="primary">
          {tc('save')}
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
          {tc('cancel')}
        </button>
        <button
          type="button"
          onClick={() => {
            question.answer('transfer')
          }}
        >
          {t('transferAnyway')}
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
