import type { ApiError } from '../../../../src-preload/types/result'
import type { CommitOn } from './draft'
import { Field, type FieldFrameProps } from './Field'
import { joinList, listOf, type Parse, sameList, wholeNumber } from './parse'
import { useDraft } from './use-draft'

interface InputOptions {
  readonly placeholder?: string | undefined
  readonly disabled?: boolean | undefined
  /** Off by default: most fields are settings, not personal data the browser should remember. */
  readonly autoComplete?: string
  readonly autoFocus?: boolean
  readonly mono?: boolean
  readonly inputMode?: React.HTMLAttributes<HTMLInputElement>['inputMode']
  readonly maxLength?: number
}

const inputAttrs = (o: InputOptions): React.InputHTMLAttributes<HTMLInputElement> => ({
  placeholder: o.placeholder,
  disabled: o.disabled,
  autoComplete: o.autoComplete ?? 'off',
  autoFocus: o.autoFocus,
  className: o.mono === true ? 'mono' : undefined,
  inputMode: o.inputMode,
  maxLength: o.maxLength,
  spellCheck: false,
})

/** Free text (or a password: `type="password"`), bound straight to the form's state. */
export function TextField(
  props: FieldFrameProps & InputOptions & { value: string; onChange: (value: string) => void; type?: 'text' | 'password' | 'search' },
): React.JSX.Element {
  const { label, error, note, className, value, onChange, type = 'text' } = props
  return (
    <Field label={label} error={error} note={note} className={className}>
      {(a11y) => (
        <input
          {...a11y}
          {...inputAttrs(props)}
          type={type}
          value={value}
          aria-invalid={error !== undefined}
          onChange={(e) => {
            onChange(e.currentTarget.value)
          }}
        />
      )}
    </Field>
  )
}

type DraftFieldProps<T> = FieldFrameProps &
  InputOptions & {
    readonly value: T
    readonly parse: Parse<T>
    readonly format: (value: T) => string
    readonly onCommit: (value: T) => unknown
    readonly commitOn?: CommitOn
    readonly equals?: (a: T, b: T) => boolean
    readonly type?: 'text' | 'number'
    readonly min?: number
    readonly max?: number
  }

/**
 * A field whose text is parsed into a value (a number, a list): what is typed stays as a draft
 * until it is a value and committed; why it is not one yet is said beside the field; Escape, or
 * leaving an invalid draft, goes back to the stored value (see use-draft.ts).
 */
export function DraftField<T>(props: DraftFieldProps<T>): React.JSX.Element {
  const { label, note, className, value, parse, format, onCommit, commitOn, equals, type = 'text', min, max } = props
  const draft = useDraft({
    value,
    parse,
    format,
    onCommit,
    ...(commitOn === undefined ? {} : { commitOn }),
    ...(equals === undefined ? {} : { equals }),
  })
  return (
    <Field label={label} error={draft.error ?? props.error} note={note} className={className}>
      {(a11y) => <input {...a11y} {...inputAttrs(props)} type={type} min={min} max={max} {...draft.inputProps} />}
    </Field>
  )
}

/** A whole number in a range, as a spin button; the error beside it names the range. */
export function NumberField(
  props: FieldFrameProps & InputOptions & { value: number; min: number; max: number; onCommit: (value: number) => unknown; commitOn?: CommitOn },
): React.JSX.Element {
  return <DraftField {...props} type="number" parse={wholeNumber(props.min, props.max)} format={String} />
}

/**
 * A whole number typed as text (a port, a limit): a text box, for values whose spinner arrows
 * would only get in the way.
 */
export function WholeNumberField(
  props: FieldFrameProps & InputOptions & { value: number; min: number; max: number; onCommit: (value: number) => unknown },
): React.JSX.Element {
  return <DraftField inputMode="numeric" {...props} parse={wholeNumber(props.min, props.max)} format={String} />
}

/** A list typed as text, items separated by commas or spaces (`1XX, 2XX`). */
export function ListField(
  props: FieldFrameProps & InputOptions & { value: readonly string[]; onCommit: (value: string[]) => unknown },
): React.JSX.Element {
  return <DraftField<string[]> {...props} value={[...props.value]} parse={listOf} format={joinList} equals={sameList} />
}

/** A checkbox with its label after it. */
export function CheckField({
  label,
  checked,
  onChange,
  disabled,
}: {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
}): React.JSX.Element {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled}
        onChange={(e) => {
          onChange(e.currentTarget.checked)
        }}
      />
      {label}
    </label>
  )
}

/** One of a few values, each with its words. */
export function SelectField<V extends string>(
  props: FieldFrameProps & {
    value: V
    options: readonly { readonly value: V; readonly label: string }[]
    onChange: (value: V) => void
    disabled?: boolean | undefined
  },
): React.JSX.Element {
  const { label, error, note, className, value, options, onChange, disabled } = props
  return (
    <Field label={label} error={error} note={note} className={className}>
      {(a11y) => (
        <select
          {...a11y}
          disabled={disabled}
          value={value}
          onChange={(e) => {
            const chosen = options.find((o) => o.value === e.currentTarget.value)
            if (chosen !== undefined) onChange(chosen.value)
          }}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** Several lines of text (a pasted certificate). */
export function TextAreaField(
  props: FieldFrameProps & { value: string; onChange: (value: string) => void; rows?: number; placeholder?: string; mono?: boolean },
): React.JSX.Element {
  const { label, error, note, className, value, onChange, rows = 2, placeholder, mono } = props
  return (
    <Field label={label} error={error} note={note} className={className}>
      {(a11y) => (
        <textarea
          {...a11y}
          className={mono === true ? 'mono' : undefined}
          rows={rows}
          spellCheck={false}
          placeholder={placeholder}
          value={value}
          aria-invalid={error !== undefined}
          onChange={(e) => {
            onChange(e.currentTarget.value)
          }}
        />
      )}
    </Field>
  )
}

/** Main's refusal of the whole form (not one field's), announced. */
export function FormError({ error }: { error: ApiError | null | undefined }): React.JSX.Element | null {
  if (error === null || error === undefined) return null
  return (
    <p role="alert" className="error-text">
      {error.message}
    </p>
  )
}
