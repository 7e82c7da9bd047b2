import { useEffect, useRef, useState } from 'react'
import type { ColumnTarget, ImportPreview, ImportResult } from '../../../../src-preload/types/phonebook'
import type { ApiError } from '../../../../src-preload/types/result'
import { ModalDialog } from '../../components/ModalDialog'
import { FormError } from '../../components/form'
import { usePhonebookStore } from '../../stores/phonebook-store'
import { formatOf, readFileText } from './file-text'

type Step =
  | { readonly kind: 'choose'; readonly error?: ApiError }
  | { readonly kind: 'reading'; readonly fileName: string }
  | {
      readonly kind: 'preview'
      readonly preview: ImportPreview
      readonly mapping: ColumnTarget[]
      readonly encoding: string
      readonly busy: boolean
      readonly error?: ApiError
    }
  | { readonly kind: 'done'; readonly result: ImportResult; readonly fileName: string }

/** The targets a CSV column may be given in the preview, in words. */
const TARGETS: readonly { readonly value: string; readonly label: string }[] = [
  { value: 'ignore', label: '— not imported' },
  { value: 'name', label: 'Name' },
  { value: 'firstName', label: 'First name' },
  { value: 'middleName', label: 'Middle name' },
  { value: 'lastName', label: 'Last name' },
  { value: 'company', label: 'Company' },
  { value: 'notes', label: 'Notes' },
  { value: 'phone:', label: 'Number' },
  { value: 'phone:work', label: 'Number (work)' },
  { value: 'phone:mobile', label: 'Number (mobile)' },
  { value: 'phone:home', label: 'Number (home)' },
  { value: 'phone:main', label: 'Number (main)' },
  { value: 'phone:fax', label: 'Number (fax)' },
  { value: 'phone:other', label: 'Number (other)' },
]

function targetOptions(current: string): readonly { readonly value: string; readonly label: string }[] {
  if (TARGETS.some((t) => t.value === current)) return TARGETS
  const paired = /^phone(Label|Value):(\d+)$/.exec(current)
  const label =
    paired !== null
      ? `${paired[1] === 'Label' ? 'Label of number' : 'Number'} ${paired[2] ?? ''}`
      : current.startsWith('phone:')
        ? `Number (${current.slice(6)})`
        : current
  return [...TARGETS, { value: current, label }]
}

const plural = (n: number, one: string, many: string): string => `${n.toLocaleString()} ${n === 1 ? one : many}`

/**
 * Import: a file chosen or dropped, read here (UTF-8, else Windows-1252), sent to main in parts,
 * and shown before anything is stored: how many contacts, which are already there, each CSV
 * column and where it goes (changeable), the first contacts as they will be stored, and every
 * record that cannot be imported with its line and text. Import stores the good ones.
 */
export function ImportDialog({ file, onClose }: { readonly file: File | null; readonly onClose: () => void }): React.JSX.Element {
  const [step, setStep] = useState<Step>(file === null ? { kind: 'choose' } : { kind: 'reading', fileName: file.name })
  const picker = useRef<HTMLInputElement>(null)
  const { stageImport, previewImport, commitImport, discardImport } = usePhonebookStore()
  const importId = step.kind === 'preview' ? step.preview.importId : null

  /** Stages the file's text in main and shows its preview (or why it cannot be imported). */
  const stage = async (fileName: string, text: string, encoding: string): Promise<void> => {
    const format = formatOf(fileName, text)
    if (format === undefined) {
      setStep({ kind: 'choose', error: { code: 'invalid_input', message: `“${fileName}” is neither a CSV nor a vCard file (.csv or .vcf).` } })
      return
    }
    const r = await stageImport(format, fileName.slice(0, 200), text)
    if (!r.ok) setStep({ kind: 'choose', error: r.error })
    else setStep({ kind: 'preview', preview: r.value, mapping: r.value.columns.map((c) => c.target), encoding, busy: false })
  }
  /** Reads the file, then stages it; the step says "Reading…" meanwhile (set by the caller). */
  const read = (chosen: File): Promise<void> => readFileText(chosen).then(({ text, encoding }) => stage(chosen.name, text, encoding))

  const start = (chosen: File): void => {
    setStep({ kind: 'reading', fileName: chosen.name })
    void read(chosen)
  }

  useEffect(() => {
    if (file !== null) void read(file)
    // Only the file handed in on opening; later files come through the picker.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [file])

  const close = (): void => {
    if (importId !== null) void discardImport(importId)
    onClose()
  }

  const remap = async (index: number, target: ColumnTarget): Promise<void> => {
    if (step.kind !== 'preview') return
    const mapping = step.mapping.map((t, i) => (i === index ? target : t))
    setStep({ ...step, mapping, busy: true })
    const r = await previewImport(step.preview.importId, mapping)
    setStep(r.ok ? { ...step, preview: r.value, mapping, busy: false } : { ...step, mapping, busy: false, error: r.error })
  }

  const commit = async (): Promise<void> => {
    if (step.kind !== 'preview') return
    setStep({ ...step, busy: true })
    const r = await commitImport(step.preview.importId, step.preview.format === 'csv' ? step.mapping : undefined)
    setStep(r.ok ? { kind: 'done', result: r.value, fileName: step.preview.fileName } : { ...step, busy: false, error: r.error })
  }

  return (
    <ModalDialog
      label="Import contacts"
      className="phonebook-import"
      onClose={close}
      onDragOver={(e) => {
        e.preventDefault()
      }}
      onDrop={(e) => {
        e.preventDefault()
        const dropped = e.dataTransfer.files[0]
        if (dropped !== undefined && step.kind !== 'reading') start(dropped)
      }}
    >
      <h2>Import contacts</h2>
      <input
        ref={picker}
        type="file"
        accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard"
        className="sr-only"
        aria-label="CSV or vCard file"
        tabIndex={-1}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (chosen !== undefined) start(chosen)
        }}
      />
      {step.kind === 'choose' && (
        <>
          <p>
            A CSV file (from Outlook, Google Contacts or a spreadsheet, with a header row) or a vCard file (.vcf, from a phone, Apple Contacts or
            Outlook). Nothing is stored before you have seen what will be imported.
          </p>
          <FormError error={step.error} />
          <div className="buttons">
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                picker.current?.click()
              }}
            >
              Choose a file…
            </button>
          </div>
          <p className="muted small">Or drop the file here.</p>
        </>
      )}
      {step.kind === 'reading' && (
        <p role="status" className="muted">
          Reading {step.fileName}…
        </p>
      )}
      {step.kind === 'preview' && <PreviewBody step={step} onRemap={remap} onCommit={commit} onCancel={close} />}
      {step.kind === 'done' && (
        <>
          <p role="status">
            <strong>{plural(step.result.added, 'contact', 'contacts')} imported</strong> from {step.fileName}.
            {step.result.duplicates > 0 && ` ${plural(step.result.duplicates, 'was', 'were')} already in the phonebook and left as they were.`}
            {step.result.errors > 0 && ` ${plural(step.result.errors, 'record', 'records')} could not be imported (listed in the preview).`}
          </p>
          <div className="buttons">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              Done
            </button>
          </div>
        </>
      )}
    </ModalDialog>
  )
}

function PreviewBody({
  step,
  onRemap,
  onCommit,
  onCancel,
}: {
  readonly step: Extract<Step, { kind: 'preview' }>
  readonly onRemap: (index: number, target: ColumnTarget) => Promise<void>
  readonly onCommit: () => Promise<void>
  readonly onCancel: () => void
}): React.JSX.Element {
  const { preview, mapping, busy, encoding } = step
  const fresh = preview.ready - preview.duplicates
  return (
    <>
      <p role="status">
        <strong>{preview.fileName}</strong> ({preview.format === 'csv' ? 'CSV' : 'vCard'}
        {encoding === 'UTF-8' ? '' : `, read as ${encoding}`}): {plural(fresh, 'new contact', 'new contacts')}
        {preview.duplicates > 0 && `, ${plural(preview.duplicates, 'already in the phonebook', 'already in the phonebook')} (skipped)`}
        {preview.errorCount > 0 && `, ${plural(preview.errorCount, 'record', 'records')} that cannot be imported`}.
      </p>
      {preview.format === 'csv' && (
        <table className="import-columns">
          <caption className="sr-only">Columns of the file and where each goes</caption>
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Goes to</th>
              <th scope="col">For example</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.index}>
                <th scope="row">{c.header === '' ? `Column ${String(c.index + 1)}` : c.header}</th>
                <td>
                  <select
                    aria-label={`Where “${c.header}” goes`}
                    value={mapping[c.index] ?? 'ignore'}
                    disabled={busy}
                    onChange={(e) => {
                      void onRemap(c.index, e.currentTarget.value)
                    }}
                  >
                    {targetOptions(mapping[c.index] ?? 'ignore').map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="muted ellipsis">{c.samples.join(' · ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {preview.sample.length > 0 && (
        <details className="import-sample" open>
          <summary>The first contacts as they will be stored</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Numbers</th>
              </tr>
            </thead>
            <tbody>
              {preview.sample.slice(0, 8).map((c, i) => (
                <tr key={i}>
                  <td>{c.name}</td>
                  <td>{c.company}</td>
                  <td className="mono">{c.numbers.map((n) => (n.label === '' ? n.number : `${n.number} (${n.label})`)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {preview.errorCount > 0 && (
        <details className="import-problems" open>
          <summary className="error-text">
            {plural(preview.errorCount, 'record', 'records')} cannot be imported
            {preview.errorCount > preview.errors.length && ` (the first ${preview.errors.length.toLocaleString()} listed)`}: fix them in the file and
            import it again — the others are skipped as already there.
          </summary>
          <ul>
            {preview.errors.map((e) => (
              <li key={`${String(e.line)}-${e.raw}`}>
                <span className="problem-line">Line {e.line}</span> {e.message}
                <pre className="mono">{e.raw}</pre>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.warningCount > 0 && (
        <details className="import-problems">
          <summary>{plural(preview.warningCount, 'contact is', 'contacts are')} imported with something kept in the notes</summary>
          <ul>
            {preview.warnings.map((w) => (
              <li key={`${String(w.line)}-${w.raw}`}>
                <span className="problem-line">Line {w.line}</span> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <FormError error={step.error} />
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          autoFocus
          disabled={busy || fresh === 0}
          onClick={() => {
            void onCommit()
          }}
        >
          {fresh === 0 ? 'Nothing new to import' : `Import ${plural(fresh, 'contact', 'contacts')}`}
        </button>
      </div>
    </>
  )
}
