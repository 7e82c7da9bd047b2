import type { ReportBucket } from '../../../../src-preload/types/reports'
import { fmt, tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

const W = 800
const H = 210
const M = { left: 40, right: 44, top: 12, bottom: 34 }
const PLOT_W = W - M.left - M.right
const PLOT_H = H - M.top - M.bottom
const HOUR = 3_600_000
const DAY = 86_400_000

interface Props {
  readonly buckets: readonly ReportBucket[]
  readonly from: number
  readonly to: number
  readonly bucket: 'hour' | 'day'
  readonly timeZone: string
  /** Whether any queue chosen has a service level: without one the line and its axis are left out. */
  readonly withServiceLevel: boolean
}

/** Round steps for the calls axis: 1, 2, 5, 10, 20, 50 … */
function niceStep(max: number): number {
  const raw = max / 4
  const pow = 10 ** Math.floor(Math.log10(Math.max(1, raw)))
  const f = raw / pow
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow
}

/** Tick instants across the range (at most ~12), labelled in the PBX's zone. */
function timeTicks(from: number, to: number, bucket: 'hour' | 'day', timeZone: string): { at: number; label: string }[] {
  const unit = bucket === 'hour' ? HOUR : DAY
  const count = Math.max(1, Math.round((to - from) / unit))
  const every = [1, 2, 3, 4, 6, 7, 12, 14].find((k) => count / k <= 12) ?? Math.ceil(count / 12)
  const options: Intl.DateTimeFormatOptions =
    bucket === 'hour' ? { timeZone, hour: '2-digit', minute: '2-digit' } : { timeZone, day: 'numeric', month: 'short' }
  const out: { at: number; label: string }[] = []
  for (let i = 0; i <= count; i += every) out.push({ at: from + i * unit, label: fmt().custom(from + i * unit, options) })
  return out
}

/**
 * Calls per local hour or day of the range, stacked: answered, abandoned, the rest (timed out or
 * left); the service level as a line on its own axis (0–100 %). Bars sit at their time in the
 * range, so quiet hours show as gaps; the axes name the counts, the percentages and the times.
 */
export function ReportChart({ buckets, from, to, bucket, timeZone, withServiceLevel }: Props): React.JSX.Element {
  const max = Math.max(1, ...buckets.map((b) => b.offered))
  const step = niceStep(max)
  const top = Math.ceil(max / step) * step
  const span = Math.max(1, to - from)
  const unit = bucket === 'hour' ? HOUR : DAY
  const x = (t: number): number => M.left + ((t - from) / span) * PLOT_W
  const y = (n: number): number => M.top + PLOT_H - (n / top) * PLOT_H
  const ySl = (p: number): number => M.top + PLOT_H - (p / 100) * PLOT_H
  const barW = Math.max(1, (unit / span) * PLOT_W * 0.7)
  const ticks = timeTicks(from, to, bucket, timeZone)
  const slPoints = buckets
    .filter((b) => b.serviceLevelPct !== null)
    .map((b) => `${String(x(b.start + unit / 2))},${String(ySl(b.serviceLevelPct ?? 0))}`)
  const totals = buckets.reduce(
    (a, b) => ({ offered: a.offered + b.offered, answered: a.answered + b.answered, abandoned: a.abandoned + b.abandoned }),
    {
      offered: 0,
      answered: 0,
      abandoned: 0,
    },
  )
  const yTicks: number[] = []
  for (let v = 0; v <= top; v += step) yTicks.push(v)
  const when: Intl.DateTimeFormatOptions = { timeZone, dateStyle: 'medium', timeStyle: 'short' }
  const rangeText = `${fmt().custom(from, when)} – ${fmt().custom(to, when)}`
  const n = (v: number): string => fmt().number(v)
  return (
    <figure
      className="report-chart card"
      aria-label={t(bucket === 'hour' ? 'chart.labelHour' : 'chart.labelDay', {
        range: rangeText,
        offered: n(totals.offered),
        answered: n(totals.answered),
        abandoned: n(totals.abandoned),
      })}
    >
      <svg viewBox={`0 0 ${String(W)} ${String(H)}`} role="img" aria-hidden="true">
        {yTicks.map((v) => (
          <g key={`y${String(v)}`} className="axis">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {n(v)}
            </text>
          </g>
        ))}
        <text className="axis-title" x={12} y={M.top + PLOT_H / 2} transform={`rotate(-90 12 ${String(M.top + PLOT_H / 2)})`} textAnchor="middle">
          {t('chart.calls')}
        </text>
        {withServiceLevel && (
          <g className="axis axis-sl">
            {[0, 50, 100].map((p) => (
              <text key={p} x={W - M.right + 6} y={ySl(p) + 4}>
                {t('percent', { value: n(p) })}
              </text>
            ))}
          </g>
        )}
        {buckets.map((b) => {
          const cx = x(b.start + unit / 2) - barW / 2
          const other = Math.max(0, b.offered - b.answered - b.abandoned)
          const hA = y(0) - y(b.answered)
          const hB = y(0) - y(b.abandoned)
          const hO = y(0) - y(other)
          return (
            <g key={b.start}>
              <title>
                {t(b.serviceLevelPct === null ? 'chart.bar' : 'chart.barSl', {
                  label: fmt().custom(
                    b.start,
                    bucket === 'hour' ? { timeZone, dateStyle: 'medium', timeStyle: 'short' } : { timeZone, dateStyle: 'medium' },
                  ),
                  offered: n(b.offered),
                  answered: n(b.answered),
                  abandoned: n(b.abandoned),
                  pct: b.serviceLevelPct === null ? '' : t('percent', { value: n(b.serviceLevelPct) }),
                })}
              </title>
              <rect className="bar-answered" x={cx} width={barW} y={y(0) - hA} height={hA} />
              <rect className="bar-abandoned" x={cx} width={barW} y={y(0) - hA - hB} height={hB} />
              <rect className="bar-other" x={cx} width={barW} y={y(0) - hA - hB - hO} height={hO} />
            </g>
          )
        })}
        {withServiceLevel && slPoints.length > 0 && <polyline className="sl-line" points={slPoints.join(' ')} />}
        {withServiceLevel &&
          slPoints.map((p) => {
            const [px, py] = p.split(',')
            return <circle key={p} className="sl-dot" cx={px} cy={py} r={2.5} />
          })}
        <line className="axis-line" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
        <line className="axis-line" x1={M.left} x2={M.left} y1={M.top} y2={y(0)} />
        {ticks.map((t) => (
          <g key={t.at} className="axis">
            <line className="axis-line" x1={x(t.at)} x2={x(t.at)} y1={y(0)} y2={y(0) + 4} />
            <text x={x(t.at)} y={y(0) + 17} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
      </svg>
      <figcaption className="small muted">
        <span className="legend legend-answered" /> {t('chart.answered')} <span className="legend legend-abandoned" /> {t('chart.abandoned')}{' '}
        <span className="legend legend-other" /> {t('chart.other')}
        {withServiceLevel && (
          <>
            {' '}
            <span className="legend legend-sl" /> {t('chart.serviceLevel')}
          </>
        )}{' '}
        {t(bucket === 'hour' ? 'chart.perHour' : 'chart.perDay', { range: rangeText })}
      </figcaption>
    </figure>
  )
}
