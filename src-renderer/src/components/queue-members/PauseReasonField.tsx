import { useId } from 'react'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

const OTHER = '\u0000other'

/**
 * A pause reason: one of the configured reasons, or typed ("Other…"). One clean line: main refuses
 * line breaks and control characters, so the field never offers them.
 */
export function PauseReasonField({
  reasons,
  value,
  onChange,
}: {
  reasons: readonly string[]
  value: string
  onChange: (reason: string) => void
}): React.JSX.Element {
  const id = useId()
  const listed = value === '' || reasons.includes(value)
  return (
    <div className="field reason-field">
      <label htmlFor={id}>{t('reason.label')}</label>
      <select
        id={id}
        value={listed ? value : OTHER}
        onChange={(e) => {
          const v = e.currentTarget.value
          onChange(v === OTHER ? ' ' : v)
        }}
      >
        <option value="">{t('reason.none')}</option>
        {reasons.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
        <option value={OTHER}>{t('reason.other')}</option>
      </select>
      {!listed && (
        <input
          aria-label={t('reason.typed')}
          autoFocus
          maxLength={80}
          value={value.trimStart()}
          placeholder={t('reason.type')}
          onChange={(e) => {
            // Line breaks and control characters never reach main (it would refuse them).
            // eslint-disable-next-line no-control-regex
            onChange(e.currentTarget.value.replace(/[\u0000-\u001f\u007f]/g, '') || ' ')
          }}
        />
      )}
    </div>
  )
}
