/**
 * The child's half of pbx-process.ts: one JSON object per stdout line, one command per stdin line.
 * `stop` (or stdin closing, or the hard time limit: a child never outlives its bench) runs the
 * child's own stop, sends `{ kind: 'stopped', cpuMs }` and exits; `clock` answers
 * `{ kind: 'clock', t }` with this process's wall clock (clock.ts); other commands go to `commands`.
 */
import { createInterface } from 'node:readline'
import { wallNow } from './stats'

export function sendToParent(msg: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(msg) + '\n')
}

export function serveParent(opts: {
  readonly maxLifeMs: number
  readonly stop: () => Promise<void>
  readonly commands?: Readonly<Record<string, () => Record<string, unknown>>>
}): void {
  let stopping = false
  const stop = async (): Promise<void> => {
    if (stopping) return
    stopping = true
    const cpu = process.cpuUsage()
    await opts.stop()
    sendToParent({ kind: 'stopped', cpuMs: (cpu.user + cpu.system) / 1000 })
    process.exit(0)
  }
  setTimeout(() => void stop(), opts.maxLifeMs).unref()
  const lines = createInterface({ input: process.stdin })
  lines.on('close', () => void stop())
  lines.on('line', (line) => {
    const command = line.trim()
    if (command === 'stop') void stop()
    else if (command === 'clock') sendToParent({ kind: 'clock', t: wallNow() })
    else {
      const answer = opts.commands?.[command]
      if (answer !== undefined) sendToParent(answer())
    }
  })
}
