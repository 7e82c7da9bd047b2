import { useId } from 'react'
import type { PbxProfile, SupervisionSettings } from '../../../../src-preload/types/profile'
import { CheckField, DraftField, joinList, sameList } from '../../components/form'
import { extensionList, queueList, scopeMeaning } from './supervision-scope'

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
      <legend>Supervision</legend>
      <p className="muted small">
        Whose calls this seat may listen to, whisper or barge into and record (needs the admin passphrase to change). A supervisor supervises only
        what is named here; an admin every call unless some are named.
      </p>
      <DraftField<string[]>
        label="Queues"
        placeholder="support, sales"
        value={[...value.queues]}
        parse={queueList}
        format={joinList}
        equals={sameList}
        onCommit={(queues) => {
          onChange({ ...value, queues })
        }}
      />
      <DraftField<string[]>
        label="Extensions"
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
        label="Play a tone to the call while someone listens (a beep at the start, then every 15 s)"
        checked={value.spyTone}
        onChange={(spyTone) => {
          onChange({ ...value, spyTone })
        }}
      />
      <CheckField
        label="Beep every 15 s on recordings this seat starts"
        checked={value.recordingBeep}
        onChange={(recordingBeep) => {
          onChange({ ...value, recordingBeep })
        }}
      />
    </fieldset>
  )
}
