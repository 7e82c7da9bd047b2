/**
 * A demo PBX run as its own process by a bench (so the console's CPU figure is the console's own,
 * as a real PBX is another machine). The child speaks one JSON object per stdout line (see
 * child-side.ts): first `{ kind: 'ready', amiPort, ariPort, operatorSecret, ariUser, ariSecret, … }`,
 * then answers to the lines it is sent on stdin (`ask`), and `{ kind: 'stopped', cpuMs }` after `stop`.
 * The child is run under node + tsx as one process, so its pid is the one to stop.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

export interface ChildReady {
  readonly kind: 'ready'
  readonly amiPort: number
  readonly ariPort: number
  readonly operatorSecret: string
  readonly ariUser: string
  readonly ariSecret: string
}

export interface PbxProcess<R extends ChildReady> {
  readonly proc: ChildProcess
  readonly ready: R
  /** Writes `command` on a line and resolves with the next message of `kind` (rejects after `timeoutMs`). */
  ask<T>(command: string, kind: string, timeoutMs?: number): Promise<T>
  /** Asks the child to stop (SIGKILL after 5 s); resolves with its CPU ms when it said so. */
  stop(): Promise<number | undefined>
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Starts `script` with `args` (JSON in argv[2]) and waits for its ready line (`name` words the errors). */
export async function startPbxProcess<R extends ChildReady>(
  script: string,
  args: Record<string, unknown>,
  opts: { readonly cwd: string; readonly name: string; readonly readyTimeoutMs?: number },
): Promise<PbxProcess<R>> {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, JSON.stringify(args)], { cwd: opts.cwd, stdio: ['pipe', 'pipe', 'inherit'] })
  const lines = createInterface({ input: proc.stdout as NodeJS.ReadableStream })
  // Who waits for which kind of message, in order of asking.
  const waiting = new Map<string, Array<(msg: Record<string, unknown>) => void>>()
  const waitFor = (kind: string): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      const list = waiting.get(kind) ?? []
      list.push(resolve)
      waiting.set(kind, list)
    })
  lines.on('line', (line) => {
    let msg: Record<string, unknown>
    try {
      msg = JSON.parse(line) as Record<string, unknown>
    } catch {
      return
    }
    const kind = typeof msg.kind === 'string' ? msg.kind : ''
    waiting.get(kind)?.shift()?.(msg)
  })
  const readyTimeoutMs = opts.readyTimeoutMs ?? 90_000
  const ready = await new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${opts.name}: the PBX child did not get ready within ${String(readyTimeoutMs / 1000)} s`))
    }, readyTimeoutMs)
    proc.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${opts.name}: the PBX child exited early (${String(code)})`))
    })
    void waitFor('ready').then((msg) => {
      clearTimeout(timer)
      resolve(msg as unknown as R)
    })
  })
  const alive = (): boolean => proc.exitCode === null && proc.signalCode === null
  return {
    proc,
    ready,
    async ask<T>(command: string, kind: string, timeoutMs = 30_000): Promise<T> {
      if (!alive()) throw new Error(`${opts.name}: the PBX child is gone`)
      const answer = waitFor(kind)
      proc.stdin.write(`${command}\n`)
      const timeout = sleep(timeoutMs).then(() => {
        throw new Error(`${opts.name}: the PBX child did not answer '${command}' within ${String(timeoutMs / 1000)} s`)
      })
      return (await Promise.race([answer, timeout])) as T
    },
    async stop() {
      if (!alive()) return undefined
      const stopped = new Promise<number | undefined>((r) => {
        void waitFor('stopped').then((msg) => {
          r(typeof msg.cpuMs === 'number' ? msg.cpuMs : undefined)
        })
        proc.once('exit', () => {
          r(undefined)
        })
      })
      proc.stdin.write('stop\n')
      const cpu = await Promise.race([stopped, sleep(5000).then(() => undefined)])
      if (alive() && proc.pid !== undefined) process.kill(proc.pid, 'SIGKILL')
      return cpu
    },
  }
}
