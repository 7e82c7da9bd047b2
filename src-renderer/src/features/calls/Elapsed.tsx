import { useClockStore } from '../../stores/clock-store'
import { formatDuration } from './format'

/** A live timer; `alertAfterS` turns it red once the wait is too long. */
export function Elapsed({ since, alertAfterS }: { since: number | undefined; alertAfterS?: number }): React.JSX.Element {
  const now = useClockStore((s) => s.now)
  if (since === undefined) return <span className="mono muted">–</span>
  const ms = now - since
  const late = alertAfterS !== undefined && ms / 1000 >= alertAfterS
  return (
    <span className={late ? 'mono timer-late' : 'mono'} title={late ? 'Waiting too long' : undefined}>
      {formatDuration(ms)}
    </span>
  )
}
