import { useEffect, useRef, useState } from 'react'
import type { WallboardPrefs, WallboardThreshold } from '../../../../src-preload/types/queues'
import { ModalDialog } from '../../components/ModalDialog'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)
const tc = tr(common)

type Limit = 'waiting' | 'longestWaitS' | 'serviceLevelPct' | 'abandonedPct'

/** Each limit's column; its label read in the shown language when drawn. */
const LIMITS: readonly { key: Limit; label: () => string; max: number }[] = [
  { key: 'waiting', label: () => t('set.waiting'), max: 9999 },
  { key: 'longestWaitS', label: () => t('set.longestWait'), max: 86_400 },
  { key: 'serviceLevelPct', label: () => t('set.serviceLevel'), max: 100 },
  { key: 'abandonedPct', label: () => t('set.abandoned'), max: 100 },
]

/** A threshold with one limit set from typed text; blank removes it, anything not a whole number in range is refused. */
function withLimit(limits: WallboardThreshold, key: Limit, text: string, max: number): WallboardThreshold | string {
  const rest = Object.fromEntries(Object.entries(limits).filter(([k]) => k !== key)) as WallboardThreshold
  if (text.trim() === '') return rest
  if (!/^[0-9]+$/.test(text.trim())) return t('set.wholeNumber')
  const n = Number(text.trim())
  if (n < 1 || n > max) return t('set.range', { max: String(max) })
  return { ...rest, [key]: n }
}

/**
 * The wallboard's settings: which queues (none ticked = all), each queue's thresholds, theme, sound
 * and page time. Applied at once; Save keeps them for this PBX (supervisors), in every window.
 */
export function WallboardSettings({
  prefs,
  queues,
  onChange,
  onClose,
}: {
  prefs: WallboardPrefs
  queues: readonly string[]
  onChange: (next: WallboardPrefs) => void
  onClose: () => void
}): React.JSX.Element {
  const save = useQueuePrefsStore((s) => s.save)
  const reasons = useQueuePrefsStore((s) => s.prefs.pauseReasons)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState<{ readonly ok: boolean; readonly text: string } | null>(null)
  const first = useRef<HTMLInputElement>(null)
  useEffect(() => {
    first.current?.focus()
  }, [])
  const threshold = (q: string): WallboardThreshold => prefs.thresholds.find((x) => x.queue === q) ?? { queue: q }
  const setLimit = (q: string, key: Limit, text: string, max: number): void => {
    const id = `${q}:${key}`
    setTexts({ ...texts, [id]: text })
    const next = withLimit(threshold(q), key, text, max)
    if (typeof next === 'string') {
      setErrors({ ...errors, [id]: next })
      return
    }
    const { [id]: _gone, ...rest } = errors
    setErrors(rest)
    const others = prefs.thresholds.filter((x) => x.queue !== q)
    const empty = Object.keys(next).length === 1
    onChange({ ...prefs, thresholds: empty ? others : [...others, next] })
  }
  const toggleQueue = (q: string, on: boolean): void => {
    const base = prefs.queues
    onChange({ ...prefs, queues: on ? [...base, q] : base.filter((x) => x !== q) })
  }
  return (
    <ModalDialog
      label={t('set.title')}
      className="wb-settings"
      onClose={onClose}
      onSubmit={() => {
        if (Object.keys(errors).length > 0) return
        void save({ pauseReasons: reasons, wallboard: prefs }).then((err) => {
          setSaved(err === null ? { ok: true, text: t('set.saved') } : { ok: false, text: t('set.notSaved', { reason: err.message }) })
        })
      }}
    >
      <p className="prompt-title">{t('set.title')}</p>
      <table className="grid wb-thresholds" aria-label={t('set.table')}>
        <thead>
          <tr>
            <th scope="col">{t('set.show')}</th>
            <th scope="col">{t('set.queue')}</th>
            {LIMITS.map((l) => (
              <th key={l.key} scope="col">
                {l.label()}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {queues.map((q, i) => (
            <tr key={q}>
              <td>
                <input
                  ref={i === 0 ? first : undefined}
                  type="checkbox"
                  aria-label={t('set.showQueue', { queue: q })}
                  checked={prefs.queues.includes(q)}
                  onChange={(e) => {
                    toggleQueue(q, e.currentTarget.checked)
                  }}
                />
              </td>
              <td>{q}</td>
              {LIMITS.map((l) => {
                const id = `${q}:${l.key}`
                const value = texts[id] ?? (threshold(q)[l.key] === undefined ? '' : String(threshold(q)[l.key]))
                return (
                  <td key={l.key}>
                    <input
                      className="wb-limit"
                      inputMode="numeric"
                      aria-label={t('set.limitOf', { queue: q, limit: l.label() })}
                      aria-invalid={errors[id] !== undefined}
                      value={value}
                      onChange={(e) => {
                        setLimit(q, l.key, e.currentTarget.value, l.max)
                      }}
                    />
                    {errors[id] !== undefined && <span className="field-error">{errors[id]}</span>}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">{t('set.hint')}</p>
      <div className="wb-options">
        <label>
          <input
            type="checkbox"
            checked={prefs.sound}
            onChange={(e) => {
              onChange({ ...prefs, sound: e.currentTarget.checked })
            }}
          />{' '}
          {t('set.sound')}
        </label>
        <label>
          {t('set.theme')}{' '}
          <select
            value={prefs.theme}
            onChange={(e) => {
              onChange({ ...prefs, theme: e.currentTarget.value === 'light' ? 'light' : 'dark' })
            }}
          >
            <option value="dark">{t('dark')}</option>
            <option value="light">{t('light')}</option>
          </select>
        </label>
        <label>
          {t('set.pageEvery')}{' '}
          <select
            value={prefs.pageSeconds}
            onChange={(e) => {
              onChange({ ...prefs, pageSeconds: Number(e.currentTarget.value) })
            }}
          >
            {[5, 10, 15, 30, 60].map((s) => (
              <option key={s} value={s}>
                {t('set.seconds', { seconds: String(s) })}
              </option>
            ))}
          </select>
        </label>
      </div>
      {saved !== null && <p className={saved.ok ? 'muted' : 'field-error'}>{saved.text}</p>}
      <div className="buttons">
        <button type="button" onClick={onClose}>
          {tc('close')}
        </button>
        <button type="submit" className="primary" disabled={Object.keys(errors).length > 0}>
          {tc('save')}
        </button>
      </div>
    </ModalDialog>
  )
}
