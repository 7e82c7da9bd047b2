import { useClockStore } from '../stores/clock-store'
import { useLiveStore } from '../stores/live-store'
import { formatDuration } from '../live/format'
import { tr } from '../i18n'
import { strings } from './strings'

const t = tr(strings)

/**
 * A live timer; `alertAfterS` turns it red once the wait is too long. While what is shown is stale
 * (the PBX or the console unreachable) it stops at the moment the data went stale: counting on
 * would pretend the call is still there.
 */
export function Elapsed({ since, alertAfterS }: { since: number | undefined; alertAfterS?: number }): React.JSX.Element {
  const clock = useClockStore((s) => s.now)
  const frozenAt = useLiveStore((s) => s.health.stale?.since)
  if (since === undefined) return <span className="mono muted">–</span>
  // Stopped exactly there: the shared clock ticks once a second, so it may still read a moment before the
  // state went stale (the timer would then move once more after it stopped).
  const now = frozenAt ?? clock
  const ms = now - since
  const late = alertAfterS !== undefined && ms / 1000 >= alertAfterS
  const classes = ['mono', late ? 'timer-late' : '', frozenAt !== undefined ? 'timer-stopped' : ''].filter((c) => c !== '').join(' ')
  return (
    <span className={classes} title={frozenAt !== undefined ? t('elapsed.stopped') : late ? t('elapsed.late') : undefined}>
      {formatDuration(ms)}
    </span>
  )
}
