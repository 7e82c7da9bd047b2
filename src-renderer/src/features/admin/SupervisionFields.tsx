import { useId } from 'react'
import type { PbxProfile, SupervisionSettings } from '../../../../src-preload/types/profile'
import { CheckField, DraftField, joinList, sameList } from '../../components/form'
import { tr } from '../../i18n'
import { strings } from './strings'
import { extensionList, queueList, scopeMeaning } from './supervision-scope'

const t = tr(strings)

/**
 * The sealed supervision scope of a seat: the queues and extensions whose calls it may listen to,
 * whisper or barge into and record, and how the monitored call is told. Sealed like the role, so
 * changing any of it needs the admin passphrase; main enforces it on every action.
 */
export function SupervisionFields({
  value,
  role,
  onChange,
}: {
  value: SupervisionSettings
  role: PbxProfile['operator']['role']
  onChange: (next: SupervisionSettings) => void
}): React.JSX.Element {
  const meaningId = useId()
  return (
    <fieldset aria-describedby={meaningId}>
      <legend>{t('supervision.legend')}</legend>
      <p className="muted small">{t('supervision.explained')}</p>
      <DraftField<string[]>
        label={t('supervision.queues')}
        placeholder={t('supervision.queuesExample')}
        value={[...value.queues]}
        parse={queueList}
        format={joinList}
        equals={sameList}
        onCommit={(queues) => {
          onChange({ ...value, queues })
        }}
      />
      <DraftField<string[]>
        label={t('supervision.extensions')}
        placeholder="104, 105"
        value={[...value.extensions]}
        parse={extensionList}
        format={joinList}
        equals={sameList}
        onCommit={(extensions) => {
          onChange({ ...value, extensions })
        }}
      />
      <p id={meaningId} className={role === 'supervisor' && value.queues.length + value.extensions.length === 0 ? 'warn-text small' : 'muted small'}>
        {scopeMeaning(role, value.queues, value.extensions)}
      </p>
      <CheckField
        label={t('supervision.spyTone')}
        checked={value.spyTone}
        onChange={(spyTone) => {
          onChange({ ...value, spyTone })
        }}
      />
      <CheckField
        label={t('supervision.recordingBeep')}
        checked={value.recordingBeep}
        onChange={(recordingBeep) => {
          onChange({ ...value, recordingBeep })
        }}
      />
    </fieldset>
  )
}
