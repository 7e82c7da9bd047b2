import './wallboard.css'
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { WallboardPrefs, WallboardThreshold } from '../../../../src-preload/types/queues'
import { useAppStore } from '../../stores/app-store'
import { useClockStore } from '../../stores/clock-store'
import { useLiveStore } from '../../stores/live-store'
import { useQueuePrefsStore } from '../../stores/queue-prefs-store'
import { useQueuePrefs } from '../../stores/use-queue-prefs'
import { fmt, tr } from '../../i18n'
import { strings as common } from '../../../../src-preload/i18n/strings/common'
import { strings } from './strings'
import { beep, unlockSound } from './beep'
import {
  clockText,
  levelWords,
  sameTile,
  TileCache,
  tilesPerPage,
  type Tile as TileModel,
  type TileFigures,
  type TileLevel,
  type TileMeasure,
} from './wallboard-model'
import { WallboardSettings } from './WallboardSettings'

const t = tr(strings)
const tc = tr(common)

/** The status pill's mark for the eye: a triangle over a limit, a dot near one. */
const LEVEL_MARK = { alert: '▲', warn: '●' } as const

/** `flag`: this figure's threshold is crossed or near (the tile's words say so too). */
function Figure({ label, value, big, flag }: { label: string; value: string; big?: boolean; flag?: 'over' | 'near' | undefined }): React.JSX.Element {
  return (
    <div className={`wb-figure${big === true ? ' wb-big' : ''}${flag === undefined ? '' : ` wb-flag-${flag}`}`}>
      <span className="wb-value">{value}</span>
      <span className="wb-label">{label}</span>
    </div>
  )
}

/** One queue's tile; re-rendered only when what it shows changed (sameTile). */
const Tile = memo(function Tile({ f, level }: { f: TileFigures; level: TileLevel }): React.JSX.Element {
  const sl = f.serviceLevelS <= 0 ? '—' : f.serviceLevelPct === undefined ? '—' : t('fig.percent', { value: f.serviceLevelPct.toFixed(0) })
  const words = levelWords(level)
  const flag = (m: TileMeasure): 'over' | 'near' | undefined => (level.over.includes(m) ? 'over' : level.near.includes(m) ? 'near' : undefined)
  return (
    <article className={`wb-tile level-${level.level}`} aria-label={t('tile.label', { queue: f.queue })} data-level={level.level}>
      <header>
        <h2>{f.queue}</h2>
        {words !== undefined && (
          <p className={`wb-status wb-status-${level.level}`}>
            <span aria-hidden="true">{level.level === 'alert' ? LEVEL_MARK.alert : LEVEL_MARK.warn}</span> {words}
          </p>
        )}
      </header>
      {level.crossed.length > 0 && <p className="wb-crossed">{level.crossed.join(' · ')}</p>}
      <div className="wb-main">
        <Figure big label={t('fig.waiting')} value={String(f.waiting)} flag={flag('waiting')} />
        <Figure big label={t('fig.longestWait')} value={f.waiting === 0 ? '—' : clockText(f.longestWaitS)} flag={flag('longest wait')} />
      </div>
      <div className="wb-row">
        <Figure
          label={f.serviceLevelS > 0 ? t('fig.serviceLevel', { seconds: String(f.serviceLevelS) }) : t('fig.serviceLevelNone')}
          value={sl}
          flag={flag('service level')}
        />
        <Figure
          flag={flag('abandoned')}
          label={t('fig.abandoned')}
          value={
            f.abandonedPct === undefined
              ? String(f.abandoned)
              : t('fig.abandonedShare', { n: String(f.abandoned), percent: f.abandonedPct.toFixed(0) })
          }
        />
        <Figure label={t('fig.answered')} value={String(f.answered)} />
      </div>
      <div className="wb-row">
        <Figure label={t('fig.avgWait')} value={f.answered + f.abandoned === 0 ? '—' : clockText(f.avgWaitS)} />
        <Figure label={t('fig.avgTalk')} value={f.answered === 0 ? '—' : clockText(f.avgTalkS)} />
      </div>
      <div className="wb-row wb-agents">
        <Figure label={t('fig.available')} value={String(f.available)} />
        <Figure label={t('fig.busy')} value={String(f.busy)} />
        <Figure label={t('fig.paused')} value={String(f.paused)} />
      </div>
    </article>
  )
}, sameTile)

/**
 * The wallboard (Alt+9): a full-window board of the chosen queues, readable from across the room —
 * large figures, dark by default. A tile turns amber near a threshold and red once one is crossed,
 * with a beep (muteable); pages rotate when the queues do not fit. Keys: S settings, Q sound,
 * T theme, F full screen, ←/→ page.
 */
export function WallboardView(): React.JSX.Element {
  useQueuePrefs()
  const queues = useLiveStore((s) => s.state.queues)
  const stale = useLiveStore((s) => s.health.stale)
  const now = useClockStore((s) => s.now)
  const prefs = useQueuePrefsStore((s) => s.prefs.wallboard)
  // Changes made here show at once; saving makes them stay (and reach other windows).
  const [local, setLocal] = useState<WallboardPrefs | null>(null)
  const wb = local ?? prefs
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [page, setPage] = useState(0)
  const [perPage, setPerPage] = useState(6)
  const board = useRef<HTMLDivElement>(null)
  const grid = useRef<HTMLDivElement>(null)
  const shownAt = stale?.since === undefined ? now : Math.min(now, stale.since)
  const chosen = wb.queues.length > 0 ? wb.queues.filter((q) => Object.hasOwn(queues, q)) : Object.keys(queues).sort()
  const thresholds = useMemo(() => new Map<string, WallboardThreshold>(wb.thresholds.map((t) => [t.queue, t])), [wb.thresholds])
  // A tile is made again only for a queue a live frame changed (or its longest wait's second).
  const [tileCache] = useState(() => new TileCache())
  const tiles = chosen.flatMap((name): TileModel[] => {
    const q = queues[name]
    return q === undefined ? [] : [tileCache.tile(q, shownAt, thresholds.get(name))]
  })
  tileCache.keepOnly(new Set(chosen))
  const pages = Math.max(1, Math.ceil(tiles.length / perPage))
  const shownPage = page % pages
  const shown = tiles.slice(shownPage * perPage, shownPage * perPage + perPage)

  // An alert sounds when a tile turns red (not again while it stays red).
  const levels = useRef(new Map<string, string>())
  const alerting = tiles.filter((t) => t.level.level === 'alert').map((t) => t.f.queue)
  const alertKey = alerting.join('\n')
  useEffect(() => {
    let rose = false
    for (const t of tiles) {
      if (t.level.level === 'alert' && levels.current.get(t.f.queue) !== 'alert') rose = true
      levels.current.set(t.f.queue, t.level.level)
    }
    if (rose && wb.sound) beep()
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on a change of which tiles alert
  }, [alertKey, wb.sound])

  useLayoutEffect(() => {
    const el = grid.current
    if (el === null) return
    const fit = (): void => {
      setPerPage(tilesPerPage(el.clientWidth, el.clientHeight))
    }
    fit()
    const ro = new ResizeObserver(fit)
    ro.observe(el)
    return () => {
      ro.disconnect()
    }
  }, [])
  useEffect(() => {
    if (pages <= 1 || settingsOpen) return
    const timer = setInterval(() => {
      setPage((p) => p + 1)
    }, wb.pageSeconds * 1000)
    return () => {
      clearInterval(timer)
    }
  }, [pages, wb.pageSeconds, settingsOpen])
  useEffect(() => {
    board.current?.focus()
  }, [])

  const change = (next: WallboardPrefs): void => {
    setLocal(next)
  }
  const onKey = (e: React.KeyboardEvent): void => {
    unlockSound()
    if (settingsOpen || e.altKey || e.ctrlKey || e.metaKey) return
    const key = e.key.toLowerCase()
    if (key === 's') setSettingsOpen(true)
    else if (key === 'q') change({ ...wb, sound: !wb.sound })
    else if (key === 't') change({ ...wb, theme: wb.theme === 'dark' ? 'light' : 'dark' })
    else if (key === 'f') {
      if (document.fullscreenElement === null) void board.current?.requestFullscreen().catch(() => undefined)
      else void document.exitFullscreen()
    } else if (key === 'arrowright') setPage(shownPage + 1)
    else if (key === 'arrowleft') setPage(shownPage + pages - 1)
    else return
    e.preventDefault()
  }
  return (
    <div
      ref={board}
      tabIndex={-1}
      className={`wallboard wb-theme-${wb.theme}${stale !== undefined ? ' is-stale' : ''}`}
      role="region"
      aria-label={t('title')}
      onKeyDown={onKey}
      onMouseDown={unlockSound}
    >
      <div className="wb-bar">
        <h1>{t('title')}</h1>
        {stale !== undefined && <span className="wb-stale">{t('stale', { time: fmt().timeWithSeconds(stale.since) })}</span>}
        {pages > 1 && (
          <span className="wb-page" aria-live="polite">
            {t('page', { page: fmt().number(shownPage + 1), pages: fmt().number(pages) })}
          </span>
        )}
        <span className="wb-clock">{fmt().custom(now, { hour: '2-digit', minute: '2-digit' })}</span>
        <button
          type="button"
          onClick={() => {
            change({ ...wb, sound: !wb.sound })
          }}
          aria-pressed={wb.sound}
        >
          {wb.sound ? t('soundOn') : t('soundOff')}
        </button>
        <button
          type="button"
          onClick={() => {
            change({ ...wb, theme: wb.theme === 'dark' ? 'light' : 'dark' })
          }}
        >
          {wb.theme === 'dark' ? t('light') : t('dark')}
        </button>
        <button
          type="button"
          onClick={() => {
            setSettingsOpen(true)
          }}
        >
          {t('settings')}
        </button>
        <button
          type="button"
          onClick={() => {
            useAppStore.getState().setView('queues')
          }}
          title={t('closeTitle')}
        >
          {tc('close')}
        </button>
      </div>
      {alerting.length > 0 && (
        <p className="wb-alerts" role="alert">
          {t('alerts', { queues: alerting.join(', ') })}
        </p>
      )}
      <div ref={grid} className="wb-grid" style={{ ['--wb-count' as string]: String(Math.max(1, shown.length)) }}>
        {tiles.length === 0 && <p className="wb-empty">{t('empty')}</p>}
        {shown.map((t) => (
          <Tile key={t.f.queue} f={t.f} level={t.level} />
        ))}
      </div>
      {settingsOpen && (
        <WallboardSettings
          prefs={wb}
          queues={Object.keys(queues).sort()}
          onChange={change}
          onClose={() => {
            // The focus goes back to what opened the settings (useDialogFocus): the button, or the board after S.
            setSettingsOpen(false)
          }}
        />
      )}
    </div>
  )
}
