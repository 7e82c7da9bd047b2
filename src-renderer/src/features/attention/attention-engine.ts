import { newAlerts, type Alert } from './attention-rules'

/** How alerts reach the operator; injected so the engine is tested without a browser. */
export interface AlertSinks {
  /** A notification (native in the desktop app, the browser's in web mode). */
  readonly notify: (alert: Alert) => void
  /** The alert sound, once per batch of alerts. */
  readonly sound: (kinds: readonly Alert['kind'][]) => void
}

/**
 * Raises each alert once, when its condition first appears, and never while the operator types in
 * a dialog: then the alert waits, and is raised when they leave the field if its condition still
 * holds (a call that was answered meanwhile no longer needs them). Stateful only in what was
 * already active and what waits; the rules that make alerts are pure (attention-rules.ts).
 */
export class AttentionEngine {
  private active = new Set<string>()
  private readonly waiting = new Map<string, Alert>()
  private current: readonly Alert[] = []

  constructor(private readonly sinks: AlertSinks) {}

  /** The alerts of the state now; `typing`: the operator types in a dialog. */
  update(alerts: readonly Alert[], typing: boolean): void {
    const fresh = newAlerts(this.active, alerts)
    this.active = new Set(alerts.map((a) => a.key))
    this.current = alerts
    for (const a of fresh) this.waiting.set(a.key, a)
    this.flush(typing)
  }

  /** The operator stopped typing (focus left the dialog's field): raise what waited. */
  resume(): void {
    this.flush(false)
  }

  /** Alerts held back while the operator types. */
  get deferred(): number {
    return this.waiting.size
  }

  private flush(typing: boolean): void {
    // A summary stands for several keys at once; it lasts while any of them does.
    const stillTrue = (key: string): boolean =>
      this.active.has(key) ||
      (key.startsWith('summary:') &&
        key
          .slice(8)
          .split(',')
          .some((k) => this.active.has(k)))
    for (const key of [...this.waiting.keys()]) if (!stillTrue(key)) this.waiting.delete(key)
    if (typing || this.waiting.size === 0) return
    const due = [...this.waiting.values()]
    this.waiting.clear()
    for (const alert of due) this.sinks.notify(alert)
    this.sinks.sound(due.map((a) => a.kind))
  }

  /** The alerts active now (the newest update). */
  get alerts(): readonly Alert[] {
    return this.current
  }
}
