import { useEffect, useRef, useState } from 'react'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import type { ColumnTarget, ImportPreview, ImportResult } from '../../../../src-preload/types/phonebook'
import type { ApiError } from '../../../../src-preload/types/result'
import { ModalDialog } from '../../components/ModalDialog'
import { FormError } from '../../components/form'
import { fmt, tr } from '../../i18n'
import { rich } from '../../i18n/rich'
import { usePhonebookStore } from '../../stores/phonebook-store'
import { formatOf, readFileText } from './file-text'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)
/** The marked words of a sentence in bold. */
const bold = { b: (text: string) => <strong>{text}</strong> }

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

/** The targets a CSV column may be given in the preview, in words (read in the shown language). */
const TARGETS: readonly { readonly value: string; readonly label: () => string }[] = [
  { value: 'ignore', label: () => t('target.ignore') },
  { value: 'name', label: () => t('col.name') },
  { value: 'firstName', label: () => t('target.firstName') },
  { value: 'middleName', label: () => t('target.middleName') },
  { value: 'lastName', label: () => t('target.lastName') },
  { value: 'company', label: () => t('col.company') },
  { value: 'notes', label: () => t('col.notes') },
  { value: 'phone:', label: () => t('target.number') },
  { value: 'phone:work', label: () => t('target.work') },
  { value: 'phone:mobile', label: () => t('target.mobile') },
  { value: 'phone:home', label: () => t('target.home') },
  { value: 'phone:main', label: () => t('target.main') },
  { value: 'phone:fax', label: () => t('target.fax') },
  { value: 'phone:other', label: () => t('target.other') },
]

/** Where a column goes: not imported unless the mapping says otherwise. */
const targetOf = (mapping: readonly ColumnTarget[], index: number): ColumnTarget => mapping[index] ?? 'ignore'

function targetOptions(current: string): readonly { readonly value: string; readonly label: () => string }[] {
  if (TARGETS.some((target) => target.value === current)) return TARGETS
  const paired = /^phone(Label|Value):(\d+)$/.exec(current)
  const label =
    paired !== null
      ? t(paired[1] === 'Label' ? 'editor.numberLabel' : 'editor.number', { n: paired[2] ?? '' })
      : current.startsWith('phone:')
        ? t('target.numberAs', { label: current.slice(6) })
        : current
  return [...TARGETS, { value: current, label: () => label }]
}

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
      setStep({ kind: 'choose', error: { code: 'invalid_input', message: t('import.notContacts', { name: fileName }) } })
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
      label={t('import.title')}
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
      <h2>{t('import.title')}</h2>
      <input
        ref={picker}
        type="file"
        accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard"
        className="sr-only"
        aria-label={t('import.fileLabel')}
        tabIndex={-1}
        onChange={(e) => {
          const chosen = e.currentTarget.files?.[0]
          e.currentTarget.value = ''
          if (chosen !== undefined) start(chosen)
        }}
      />
      {step.kind === 'choose' && (
        <>
          <p>{t('import.explained')}</p>
          <FormError error={step.error} />
          <div className="buttons">
            <button type="button" onClick={close}>
              {tc('cancel')}
            </button>
            <button
              type="button"
              className="primary"
              autoFocus
              onClick={() => {
                picker.current?.click()
              }}
            >
              {t('import.choose')}
            </button>
          </div>
          <p className="muted small">{t('import.orDrop')}</p>
        </>
      )}
      {step.kind === 'reading' && (
        <p role="status" className="muted">
          {t('import.reading', { name: step.fileName })}
        </p>
      )}
      {step.kind === 'preview' && <PreviewBody step={step} onRemap={remap} onCommit={commit} onCancel={close} />}
      {step.kind === 'done' && (
        <>
          <p role="status">
            {rich(t('import.imported', { count: step.result.added, file: step.fileName }), bold)}
            {step.result.duplicates > 0 && ` ${t('import.importedDuplicates', { count: step.result.duplicates })}`}
            {step.result.errors > 0 && ` ${t('import.importedErrors', { count: step.result.errors })}`}
          </p>
          <div className="buttons">
            <button type="button" className="primary" autoFocus onClick={onClose}>
              {t('import.done')}
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
  const kind = preview.format === 'csv' ? 'CSV' : 'vCard'
  // A list of counts (each phrase whole), not a sentence glued from pieces.
  const counts = [
    t('import.fresh', { count: fresh }),
    ...(preview.duplicates > 0 ? [t('import.duplicates', { count: preview.duplicates })] : []),
    ...(preview.errorCount > 0 ? [t('import.errors', { count: preview.errorCount })] : []),
  ]
  return (
    <>
      <p role="status">
        {rich(
          t('import.previewHead', {
            file: preview.fileName,
            kind: encoding === 'UTF-8' ? kind : t('import.kindRead', { kind, encoding }),
            counts: counts.join(', '),
          }),
          bold,
        )}
      </p>
      {preview.format === 'csv' && (
        <table className="import-columns">
          <caption className="sr-only">{t('import.columnsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.column')}</th>
              <th scope="col">{t('import.goesTo')}</th>
              <th scope="col">{t('import.example')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.columns.map((c) => (
              <tr key={c.index}>
                <th scope="row">{c.header === '' ? t('import.columnN', { n: c.index + 1 }) : c.header}</th>
                <td>
                  <select
                    aria-label={t('import.whereGoes', { header: c.header })}
                    value={targetOf(mapping, c.index)}
                    disabled={busy}
                    onChange={(e) => {
                      void onRemap(c.index, e.currentTarget.value)
                    }}
                  >
                    {targetOptions(targetOf(mapping, c.index)).map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label()}
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
          <summary>{t('import.sample')}</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('col.name')}</th>
                <th scope="col">{t('col.company')}</th>
                <th scope="col">{t('col.numbers')}</th>
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
            {preview.errorCount > preview.errors.length
              ? t('import.problemsListed', { count: preview.errorCount, listed: fmt().number(preview.errors.length) })
              : t('import.problems', { count: preview.errorCount })}
          </summary>
          <ul>
            {preview.errors.map((e) => (
              <li key={`${String(e.line)}-${e.raw}`}>
                <span className="problem-line">{t('import.line', { line: e.line })}</span> {e.message}
                <pre className="mono">{e.raw}</pre>
              </li>
            ))}
          </ul>
        </details>
      )}
      {preview.warningCount > 0 && (
        <details className="import-problems">
          <summary>{t('import.warnings', { count: preview.warningCount })}</summary>
          <ul>
            {preview.warnings.map((w) => (
              <li key={`${String(w.line)}-${w.raw}`}>
                <span className="problem-line">{t('import.line', { line: w.line })}</span> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
      <FormError error={step.error} />
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {tc('cancel')}
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
          {fresh === 0 ? t('import.nothingNew') : t('import.commit', { count: fresh })}
        </button>
      </div>
    </>
  )
}
