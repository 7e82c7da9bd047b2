import { lookupNumber, usePhonebook } from '../../stores/phonebook-store'
import { callerView } from './phonebook-caller'

/**
 * The caller's name and number on a call card, named from the phonebook when the caller ID has
 * no name (its company and "from phonebook" beside it). `lookup` is off for the operator's own
 * outgoing calls, whose "caller" is the operator.
 */
export function CallerIdentity({
  caller,
  profileId,
  lookup,
}: {
  readonly caller: { readonly name: string; readonly number: string }
  readonly profileId: string | null
  readonly lookup: boolean
}): React.JSX.Element {
  usePhonebook(profileId)
  const number = caller.number.trim()
  const view = callerView(caller, lookup && number !== '' ? lookupNumber(number) : undefined)
  return (
    <>
      <div className="call-card-caller" data-testid="call-card-caller">
        {view.primary}
      </div>
      {view.secondary !== '' && <div className="mono call-card-number">{view.secondary}</div>}
      {view.note !== '' && (
        <div className="call-card-phonebook small muted" data-testid="call-card-phonebook">
          {view.note}
        </div>
      )}
    </>
  )
}
