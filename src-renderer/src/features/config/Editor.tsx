import { useEffect, useMemo, useRef, useState } from 'react'
import type {
  ConfigChangeInput,
  ConfigConflictDetail,
  ConfigDestination,
  ConfigFieldDescriptor,
  ConfigFieldErrors,
  ConfigItem,
  ConfigKind,
  ConfigKindDescriptor,
  ConfigSaveOutcome,
  ExtensionValues,
  PendingChange,
  QueueMember,
  RevealedSecret,
  RingStrategy,
} from '../../../../src-preload/types/config'
import { strings as commonStrings } from '../../../../src-preload/i18n/strings/common'
import { CheckField, NumberField, SelectField, TextField } from '../../components/form'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { useConfigStore } from '../../stores/config-store'
import { useToastStore } from '../../stores/toast-store'
import { DestinationPicker } from './DestinationPicker'
import type { DestinationNames } from './destinations'
import { ConflictDialog, RevealSecret, RotateSecretDialog } from './dialogs'
import { checkFields, fieldMessage } from './field-checks'
import { type AnyKindUi, creatable, inSentence, newWords, strategyWords } from './kinds'
import { QueueMembersField, RingMembersField } from './MemberFields'
import { strings } from './strings'
import { type FieldValues, sameValue } from './values'

const t = tr(strings)
const common = tr(commonStrings)
const bold = { b: (text: string) => <strong>{text}</strong> }

/** What the editor is open on: an object read from the PBX, or a new one. */
export type EditTarget = { readonly mode: 'update'; readonly item: ConfigItem } | { readonly mode: 'create'; readonly values: FieldValues }

interface EditorProps {
  readonly ui: AnyKindUi
  readonly descriptor: ConfigKindDescriptor
  readonly target: EditTarget
  readonly names: DestinationNames
  /** Why this seat cannot write (read-only profile); the editor then only shows. */
  readonly readOnlyReason: string | undefined
  readonly onClose: () => void
  /** Delete… (the view asks for the confirmation). */
  readonly onDelete: (item: ConfigItem) => void
}

const TECH_WORDS: Readonly<Record<string, string>> = { pjsip: 'PJSIP', sip: 'SIP (chan_sip)' }

/** Option words of an enum field. */
function optionWords(field: ConfigFieldDescriptor): { value: string; label: string }[] {
  const word = (o: string): string =>
    field.name === 'strategy' ? strategyWords(o as RingStrategy) : field.name === 'tech' ? (TECH_WORDS[o] ?? o) : o
  return (field.options ?? []).map((o) => ({ value: o, label: word(o) }))
}

/** The last number of a range (`?` while the first is not a number). */
function rangeEnd(start: unknown, count: number): string {
  return typeof start === 'string' && /^\d+$/.test(start) ? String(Number(start) + count - 1) : '?'
}

function routeWords(id: string): string {
  const [did = '', cid = ''] = id.split('/')
  const match = did === '' ? t('editor.routeAny') : did
  return cid === '' ? match : t('editor.routeFrom', { did: match, cid })
}

/** Secret fields relevant to the values as they stand (a mailbox PIN only with voicemail on). */
function shownSecret(kind: ConfigKind, field: ConfigFieldDescriptor, values: FieldValues, mode: EditTarget['mode']): boolean {
  if (kind === 'extension' && field.name === 'voicemailPin') return values.voicemail === true
  if (kind === 'extension' && field.name === 'userManagerPassword') return values.userManager === true
  if (kind === 'extension' && field.name === 'secret') return mode === 'update'
  return true
}

/** The change to send: the kind's values and, if typed, its secrets (main checks it all again). */
function changeOf(
  kind: ConfigKind,
  mode: 'create' | 'update',
  id: string | undefined,
  baseVersion: string | undefined,
  values: FieldValues,
  secrets: Readonly<Record<string, string>>,
): ConfigChangeInput {
  const typed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''))
  const hasSecrets = Object.keys(typed).length > 0 && (kind === 'extension' || kind === 'voicemail')
  return {
    kind,
    operation: mode,
    ...(id === undefined ? {} : { id }),
    ...(baseVersion === undefined ? {} : { baseVersion }),
    values,
    ...(hasSecrets ? { secrets: typed } : {}),
  } as ConfigChangeInput
}

type Stage =
  | { readonly kind: 'editing' }
  | { readonly kind: 'warnings'; readonly warnings: readonly string[] }
  | { readonly kind: 'saving' }
  | { readonly kind: 'conflict'; readonly conflict: ConfigConflictDetail }
  | { readonly kind: 'rotate'; readonly busy: boolean; readonly error?: string }
  | { readonly kind: 'reveal'; readonly revealed: RevealedSecret }
  | { readonly kind: 'discard' }

/**
 * One object's editor, drawn from its kind's description: each field with its rule as a note and
 * its error beside it — the local check while typing (required, length, range), main's answer
 * after a save (FreePBX's rules: numbers in use, patterns, destinations that exist). Before an
 * update FreePBX performs as delete-and-recreate, it lists what FreePBX will reset and asks.
 */
export function Editor({ ui, descriptor, target, names, readOnlyReason, onClose, onDelete }: EditorProps): React.JSX.Element {
  const kind = ui.kind
  const save = useConfigStore((s) => s.save)
  const read = useConfigStore((s) => s.read)
  const rotateSecret = useConfigStore((s) => s.rotateSecret)
  const createRange = useConfigStore((s) => s.createRange)
  /** New extensions: how many, numbered on from the one typed (FreePBX's range create). */
  const [count, setCount] = useState(1)
  const restore = useConfigStore((s) => s.restore)
  const initialValues = target.mode === 'update' ? (target.item.values as FieldValues) : target.values
  // The object as last read (its version guards the write), the values it had, and the values typed.
  const [doc, setDoc] = useState<{ readonly item: ConfigItem | undefined; readonly base: FieldValues; readonly values: FieldValues }>({
    item: target.mode === 'update' ? target.item : undefined,
    base: initialValues,
    values: initialValues,
  })
  const { item, values } = doc
  /** Edits start again from `next` (a fresh read, or the PBX's version taken in a conflict). */
  const reset = (next: ConfigItem): void => {
    setDoc({ item: next, base: next.values, values: next.values })
  }
  const [secrets, setSecrets] = useState<Readonly<Record<string, string>>>({})
  const [fromMain, setFromMain] = useState<ConfigFieldErrors>({})
  const [formError, setFormError] = useState<string | undefined>(undefined)
  const [stage, setStage] = useState<Stage>({ kind: 'editing' })
  /** A delete-and-recreate that failed half way: what state it is in, and the restore offer. */
  const [halfWritten, setHalfWritten] = useState<{ readonly change: PendingChange; readonly busy: boolean; readonly error?: string } | undefined>(
    undefined,
  )
  const formRef = useRef<HTMLFormElement>(null)
  const mode = item === undefined ? 'create' : 'update'
  const disabled = readOnlyReason !== undefined || stage.kind === 'saving'
  // A route's id is `did/cid`: said as FreePBX's page says it ("5551234 from 0301234", "any DID").
  const shownId = item === undefined ? '' : kind === 'inboundRoute' ? routeWords(item.id) : item.id
  const title =
    item === undefined ? (creatable(kind) ? newWords(kind).newOne() : descriptor.label) : t('editor.title', { label: descriptor.label, id: shownId })
  // The object in the discard question: "extension 205 Front desk".
  const what =
    item === undefined
      ? undefined
      : `${inSentence(descriptor.label)} ${shownId}${ui.name(item as never) !== shownId ? ` ${ui.name(item as never)}` : ''}`
  const dirty = !sameValue(values, doc.base) || Object.values(secrets).some((v) => v !== '')
  const local = useMemo(() => checkFields(descriptor.fields, values, secrets), [descriptor, values, secrets])

  // Opened from the list: read it fresh, for the version that guards the write and what FreePBX
  // will reset. Untouched, the editor follows the fresh read; once typed in, it keeps the version
  // it was opened on (a save then says what changed meanwhile) and takes only the fresh notes.
  const openedId = target.mode === 'update' ? target.item.id : undefined
  useEffect(() => {
    if (openedId === undefined) return
    let live = true
    void read(kind, openedId).then((r) => {
      if (!live || !r.ok) return
      const fresh = r.value
      setDoc((d) =>
        sameValue(d.values, d.base) || d.item === undefined
          ? { item: fresh, base: fresh.values, values: fresh.values }
          : { ...d, item: { ...d.item, meta: fresh.meta } },
      )
    })
    return () => {
      live = false
    }
  }, [kind, openedId, read])

  const setField = (name: string, value: unknown): void => {
    setDoc((d) => ({ ...d, values: { ...d.values, [name]: value } }))
    setFromMain(({ [name]: _dropped, ...rest }) => rest)
  }
  const setSecret = (name: string, value: string): void => {
    setSecrets((s) => ({ ...s, [name]: value }))
    setFromMain(({ [name]: _dropped, ...rest }) => rest)
  }

  const finish = (outcome: ConfigSaveOutcome): void => {
    if (outcome.ok) {
      useToastStore.getState().push('ok', t('editor.saved', { label: outcome.change.label }))
      onClose()
      return
    }
    setStage({ kind: 'editing' })
    setFormError(outcome.message)
    setFromMain(outcome.fields ?? {})
    if (outcome.code === 'conflict' && outcome.conflict !== undefined) setStage({ kind: 'conflict', conflict: outcome.conflict })
    if (outcome.code === 'half_written' && outcome.change !== undefined) setHalfWritten({ change: outcome.change, busy: false })
  }

  const send = async (operation: 'create' | 'update', baseVersion: string | undefined): Promise<void> => {
    setStage({ kind: 'saving' })
    setFormError(undefined)
    const r = await save([
      changeOf(kind, operation, operation === 'update' ? item?.id : undefined, operation === 'update' ? baseVersion : undefined, values, secrets),
    ])
    if (!r.ok) {
      setStage({ kind: 'editing' })
      setFormError(r.error.message)
      return
    }
    const outcome = r.value.outcomes[0]
    if (outcome !== undefined) finish(outcome)
  }

  const submit = (): void => {
    if (readOnlyReason !== undefined) return
    if (Object.keys(local).length > 0) {
      setFormError(t('editor.attention'))
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    // A list's extensions carry no reset notes: the editor's fresh read brings them; saved before
    // it came back, they are read now so the admin is never spared them.
    if (mode === 'update' && item !== undefined && item.meta.updateWarnings === undefined && kind === 'extension') {
      setStage({ kind: 'saving' })
      void read(kind, item.id).then((r) => {
        const warnings = r.ok ? (r.value.meta.updateWarnings ?? []) : [descriptor.updateNote ?? '']
        if (r.ok) setDoc((d) => (d.item === undefined ? d : { ...d, item: { ...d.item, meta: r.value.meta } }))
        setStage(warnings.length > 0 ? { kind: 'warnings', warnings } : { kind: 'editing' })
        if (warnings.length === 0) void send(mode, item.version)
      })
      return
    }
    const warnings = item?.meta.updateWarnings ?? []
    if (mode === 'update' && warnings.length > 0 && stage.kind !== 'warnings') {
      setStage({ kind: 'warnings', warnings })
      return
    }
    if (mode === 'create' && kind === 'extension' && count > 1) void sendRange()
    else void send(mode, item?.version)
  }

  /** A range of extensions from this one's values: each reported on its own. */
  const sendRange = async (): Promise<void> => {
    setStage({ kind: 'saving' })
    setFormError(undefined)
    const { extension, ...template } = values as unknown as ExtensionValues
    const typed = Object.fromEntries(Object.entries(secrets).filter(([, v]) => v !== ''))
    const r = await createRange({ start: extension, count, template, ...(Object.keys(typed).length > 0 ? { secrets: typed } : {}) })
    setStage({ kind: 'editing' })
    if (!r.ok) {
      setFormError(r.error.message)
      return
    }
    const failed = r.value.outcomes.filter((o) => !o.ok)
    const made = r.value.outcomes.length - failed.length
    if (failed.length === 0) {
      useToastStore.getState().push('ok', t('editor.rangeMade', { count: made, start: extension }))
      onClose()
      return
    }
    // Main checks every number first; its per-field answer names the range's start as `start`.
    const first = failed[0]
    if (first !== undefined) setFromMain(Object.fromEntries(Object.entries(first.fields ?? {}).map(([k, v]) => [k === 'start' ? 'extension' : k, v])))
    const words = failed.slice(0, 3).map((o) => o.message)
    const reasons = `${words.join(' ')}${failed.length > 3 ? ' …' : ''}`
    const counts = { made: fmt().number(made), failed: fmt().number(failed.length), reasons }
    setFormError(made > 0 ? t('editor.rangePartly', counts) : t('editor.rangeNone', counts))
  }

  const rotate = async (typed?: string): Promise<void> => {
    if (item === undefined) return
    setStage({ kind: 'rotate', busy: true })
    const r = await rotateSecret(item.id, item.version, typed)
    if (!r.ok) {
      setStage({ kind: 'rotate', busy: false, error: r.error.message })
      return
    }
    // Rotation wrote the extension again: its new version guards the next write.
    const fresh = useConfigStore.getState().lists.extension?.items.find((i) => i.id === item.id)
    if (fresh !== undefined) setDoc((d) => ({ ...d, item: fresh }))
    setStage({ kind: 'reveal', revealed: r.value })
  }

  const close = (): void => {
    if (dirty && stage.kind !== 'discard') setStage({ kind: 'discard' })
    else onClose()
  }

  const fieldFor = (field: ConfigFieldDescriptor): React.JSX.Element | null => {
    const message = fieldMessage(field.name, local, fromMain)
    const value = values[field.name]
    const lockedIdentity = field.identity === true && mode === 'update' && kind !== 'inboundRoute'
    // A rule is worth saying only where something can be typed; an update keeps an untyped secret.
    const keeps = field.type === 'secret' && mode === 'update' && field.keepsWhenEmpty !== true ? t('editor.keeps') : undefined
    const note = lockedIdentity || field.readOnly === true ? undefined : [field.hint, keeps].filter((n) => n !== undefined).join(' · ') || undefined
    const off = disabled || field.readOnly === true || lockedIdentity
    // What every field row takes: its label, its error and rule beside it, whether it can be typed in.
    const row = { label: field.label, error: message, note, disabled: off }
    const set = (v: unknown): void => {
      setField(field.name, v)
    }
    switch (field.type) {
      case 'text':
      case 'pattern':
        return (
          <TextField
            key={field.name}
            {...row}
            value={typeof value === 'string' ? value : ''}
            onChange={set}
            mono={field.type === 'pattern' || field.identity === true}
            maxLength={field.maxLength}
          />
        )
      case 'number':
        // Numbers are checked as they are committed: only main's answer is said beside them.
        return (
          <NumberField
            key={field.name}
            {...row}
            error={fromMain[field.name]}
            value={typeof value === 'number' ? value : 0}
            min={field.min ?? 0}
            max={field.max ?? 999_999}
            onCommit={set}
          />
        )
      case 'enum':
        return <SelectField key={field.name} {...row} value={typeof value === 'string' ? value : ''} options={optionWords(field)} onChange={set} />
      case 'boolean':
        return null
      case 'destination':
        return (
          <DestinationPicker
            key={field.name}
            {...row}
            value={(value as ConfigDestination | undefined) ?? { type: 'hangup' }}
            names={names}
            onChange={set}
          />
        )
      case 'numberList':
        return <RingMembersField key={field.name} {...row} value={Array.isArray(value) ? (value as string[]) : []} names={names} onChange={set} />
      case 'members':
        return (
          <QueueMembersField key={field.name} {...row} value={Array.isArray(value) ? (value as QueueMember[]) : []} names={names} onChange={set} />
        )
      case 'secret':
        if (!shownSecret(kind, field, values, mode)) return null
        if (field.readOnly === true) {
          return (
            <div key={field.name} className="form-field">
              <span className="field-label">{field.label}</span>
              <span className="secret-state">
                <span className={item?.meta.hasSecret === true ? 'pill pill-ok' : 'pill'}>
                  {item?.meta.hasSecret === true ? t('editor.secretSet') : t('editor.secretNotSet')}
                </span>
                <button
                  type="button"
                  disabled={disabled || dirty}
                  title={dirty ? t('editor.saveFirst') : undefined}
                  onClick={() => {
                    setStage({ kind: 'rotate', busy: false })
                  }}
                >
                  {t('editor.rotate')}
                </button>
              </span>
            </div>
          )
        }
        return (
          <TextField
            key={field.name}
            label={field.label}
            type="password"
            autoComplete="new-password"
            value={secrets[field.name] ?? ''}
            onChange={(v) => {
              setSecret(field.name, v)
            }}
            error={message}
            note={kind === 'voicemail' && item?.meta.hasPin === true ? [note, t('editor.pinSet')].filter((n) => n !== undefined).join(' · ') : note}
            disabled={off}
          />
        )
    }
  }

  const checks = descriptor.fields.filter((f) => f.type === 'boolean')
  const operations = descriptor.operations
  return (
    <section className="card config-editor" aria-label={title}>
      <div className="row-between">
        <h2>
          {title}
          {item !== undefined && ui.name(item as never) !== shownId && <span className="editor-name"> · {ui.name(item as never)}</span>}
        </h2>
        <button type="button" className="editor-close" aria-label={t('editor.close')} title={t('editor.closeKey')} onClick={close}>
          ×
        </button>
      </div>
      {item?.meta.readOnlyReason !== undefined && <p className="banner warn">{item.meta.readOnlyReason}</p>}
      {readOnlyReason !== undefined && <p className="banner warn">{readOnlyReason}</p>}
      <form
        ref={formRef}
        aria-label={title}
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        {descriptor.fields.map(fieldFor)}
        {mode === 'create' && kind === 'extension' && descriptor.operations.includes('createRange') && (
          <NumberField
            label={t('editor.howMany')}
            value={count}
            min={1}
            max={500}
            onCommit={setCount}
            note={
              count > 1
                ? t(String(values.name).includes('{n}') ? 'editor.rangeNamed' : 'editor.rangeByFreepbx', {
                    from: String(values.extension),
                    to: rangeEnd(values.extension, count),
                  })
                : t('editor.rangeOne')
            }
          />
        )}
        {checks.length > 0 && (
          <fieldset className="editor-checks" disabled={disabled}>
            <legend className="sr-only">{t('editor.options')}</legend>
            {checks.map((f) => (
              <CheckField
                key={f.name}
                label={f.label}
                checked={values[f.name] === true}
                onChange={(v) => {
                  setField(f.name, v)
                }}
              />
            ))}
          </fieldset>
        )}
        {stage.kind === 'warnings' && (
          <div className="update-warnings" role="alert">
            <p>{rich(t('editor.beforeSave', { recreates: ui.words.recreates() }), bold)}</p>
            <ul>
              {stage.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        {stage.kind === 'discard' && (
          <div className="update-warnings" role="alert">
            <p>
              {what !== undefined
                ? t('editor.discard', { what })
                : creatable(kind)
                  ? newWords(kind).discardNew()
                  : t('editor.discard', { what: title })}
            </p>
            <div className="buttons">
              <button
                type="button"
                onClick={() => {
                  setStage({ kind: 'editing' })
                }}
              >
                {t('editor.keepEditing')}
              </button>
              <button type="button" className="danger" autoFocus onClick={onClose}>
                {t('editor.discardButton')}
              </button>
            </div>
          </div>
        )}
        {formError !== undefined && (
          <p role="alert" className="error-text">
            {formError}
          </p>
        )}
        {halfWritten !== undefined && (
          <div className="update-warnings half-written" role="alert">
            <p>{rich(t('editor.halfWritten', { label: halfWritten.change.label, note: halfWritten.change.note ?? '' }), bold)}</p>
            {halfWritten.error !== undefined && <p className="error-text">{halfWritten.error}</p>}
            {halfWritten.change.restorable && (
              <button
                type="button"
                className="primary"
                disabled={halfWritten.busy || readOnlyReason !== undefined}
                onClick={() => {
                  const change = halfWritten.change
                  setHalfWritten({ change, busy: true })
                  void restore(change).then((r) => {
                    if (r.ok) {
                      useToastStore.getState().push('ok', t('editor.restored', { label: change.label }))
                      onClose()
                    } else setHalfWritten({ change, busy: false, error: r.error.message })
                  })
                }}
              >
                {halfWritten.busy ? t('editor.restoring') : t('editor.restoreAsItWas')}
              </button>
            )}
          </div>
        )}
        <div className="editor-actions">
          {item !== undefined && operations.includes('remove') && (
            <button
              type="button"
              className="danger"
              disabled={disabled}
              onClick={() => {
                onDelete(item)
              }}
            >
              {kind === 'voicemail' ? t('editor.disableMailbox') : t('editor.delete')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={close}>
            {common('cancel')}
          </button>
          <button type="submit" className="primary" disabled={disabled || (!dirty && mode === 'update')}>
            {stage.kind === 'saving'
              ? t('editor.saving')
              : stage.kind === 'warnings'
                ? t('editor.saveAnyway')
                : mode === 'create' && creatable(kind)
                  ? newWords(kind).create(count)
                  : common('save')}
          </button>
        </div>
      </form>
      {stage.kind === 'conflict' && (
        <ConflictDialog
          what={title}
          fields={descriptor.fields}
          conflict={stage.conflict}
          names={names}
          onCancel={() => {
            setStage({ kind: 'editing' })
          }}
          onTakeTheirs={() => {
            const theirs = stage.conflict.theirs
            if (theirs === undefined) return
            reset(theirs)
            setFromMain({})
            setFormError(undefined)
            setStage({ kind: 'editing' })
          }}
          onOverwrite={() => {
            const theirs = stage.conflict.theirs
            if (theirs === undefined) void send('create', undefined)
            else {
              setDoc((d) => ({ ...d, item: theirs }))
              void send('update', theirs.version)
            }
          }}
        />
      )}
      {stage.kind === 'rotate' && item !== undefined && (
        <RotateSecretDialog
          extension={item.id}
          busy={stage.busy}
          error={stage.error}
          onRotate={(typed) => {
            void rotate(typed)
          }}
          onCancel={() => {
            setStage({ kind: 'editing' })
          }}
        />
      )}
      {stage.kind === 'reveal' && (
        <RevealSecret
          revealed={stage.revealed}
          onClose={() => {
            setStage({ kind: 'editing' })
          }}
        />
      )}
    </section>
  )
}
