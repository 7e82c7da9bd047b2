import { useId } from 'react'
import type { PbxProfile, VoicemailAccess } from '../../../../src-preload/types/profile'
import { DraftField, joinList, sameList } from '../../components/form'
import { tr } from '../../i18n'
import { strings } from './strings'
import { mailboxesMeaning, mailboxList } from './voicemail-access'

const t = tr(strings)

/**
 * The sealed voicemail access of a seat: the mailboxes besides its own it may listen to by phone
 * and see the messages of. Sealed like the supervision scope (naming one widens what the seat
 * hears), so changing it needs the admin passphrase; main enforces it on every listen.
 */
export function VoicemailAccessFields({
  value,
  operator,
  onChange,
}: {
  value: VoicemailAccess
  operator: PbxProfile['operator']
  onChange: (next: VoicemailAccess) => void
}): React.JSX.Element {
  const meaningId = useId()
  return (
    <fieldset aria-describedby={meaningId}>
      <legend>{t('voicemail.legend')}</legend>
      <p className="muted small">
        {t('voicemail.explained')}
        {operator.readOnly ? ` ${t('voicemail.readOnly')}` : ''}
      </p>
      <DraftField<string[]>
        label={t('voicemail.others')}
        placeholder="104, 105"
        value={[...value.mailboxes]}
        parse={mailboxList}
        format={joinList}
        equals={sameList}
        onCommit={(mailboxes) => {
          onChange({ ...value, mailboxes })
        }}
      />
      <p id={meaningId} className="muted small">
        {mailboxesMeaning(operator.role, operator.ownExtension, value.mailboxes)}
      </p>
    </fieldset>
  )
}
