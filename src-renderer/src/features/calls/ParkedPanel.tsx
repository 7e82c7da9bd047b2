import { memo } from 'react'
import { useLiveStore } from '../../stores/live-store'
import { Elapsed } from '../../components/Elapsed'
import { StaleNote } from '../../components/StaleNote'
import { useActionButton } from '../../actions/action-gate'
import { partyLabel } from '../../live/format'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Parked calls with how long they have waited; each is picked up at the operator's phone. */
export const ParkedPanel = memo(function ParkedPanel({
  onPickup,
  holdAlertSeconds,
}: {
  onPickup: (space: string) => void
  holdAlertSeconds: number
}): React.JSX.Element {
  const lots = useLiveStore((s) => s.state.parked)
  const parked = Object.values(lots).sort((a, b) => a.space.localeCompare(b.space, undefined, { numeric: true }))
  const gate = useActionButton()
  return (
    <section className="card parked" aria-label={t('parked.label')}>
      <h2>{t('parked.title')}</h2>
      <StaleNote />
      {parked.length === 0 ? (
        <p className="muted small">{t('parked.none')}</p>
      ) : (
        <ul className="parked-list">
          {parked.map((p) => {
            const who = partyLabel(p.parkee)
            return (
              <li key={p.id} className="parked-item">
                <span className="parked-space mono">{p.space}</span>
                <span className="party">
                  <span className="party-primary">{who.primary}</span>
                  {who.secondary !== '' && <span className="party-secondary mono">{who.secondary}</span>}
                </span>
                <Elapsed since={p.since} alertAfterS={holdAlertSeconds} />
                <button
                  type="button"
                  aria-label={t('parked.pickupLabel', { space: p.space })}
                  onClick={() => {
                    onPickup(p.space)
                  }}
                  {...gate}
                >
                  {t('parked.pickup')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
})
