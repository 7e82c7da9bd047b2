// Asterisk's queue_log, as app_queue.c writes it (ast_queue_log: `time|callid|queue|agent|event|data…`),
// read into the events the reports keep. FreePBX writes the same lines to /var/log/asterisk/queue_log
// and, with queue_log to the database, the asteriskcdrdb `queuelog` table (time as a local
// `YYYY-MM-DD HH:MM:SS[.ffffff]`, data in data1…data5): both shapes are read here.
import { localToUtcMs } from '../cdr/time'
import type { QueueEvent, QueueEventKind } from './queue-event'
import { say } from '../i18n'
import { strings } from './strings'

const t = say(strings)

export type QueueLogLine =
  { readonly kind: 'event'; readonly event: QueueEvent } | { readonly kind: 'ignored' } | { readonly kind: 'rejected'; readonly reason: string }

const int = (v: string | undefined): number | undefined => (v !== undefined && /^-?\d+$/.test(v) ? Number(v) : undefined)

/** Which stored kind each queue_log event is, and which data field holds the wait (holdtime) and talk. */
const EVENTS: Readonly<Record<string, { kind: QueueEventKind; wait?: number; talk?: number; position?: number; ringMs?: number } | undefined>> = {
  // ENTERQUEUE url|callerid|position[|name]
  ENTERQUEUE: { kind: 'join', position: 2 },
  // CONNECT holdtime|bridged uniqueid|ringtime
  CONNECT: { kind: 'connect', wait: 0 },
  // ABANDON / EXITWITHTIMEOUT / EXITEMPTY position|origposition|waittime
  ABANDON: { kind: 'abandon', position: 1, wait: 2 },
  EXITWITHTIMEOUT: { kind: 'exit', position: 1, wait: 2 },
  EXITEMPTY: { kind: 'exit', position: 1, wait: 2 },
  // EXITWITHKEY key|position|origposition|waittime
  EXITWITHKEY: { kind: 'exit', position: 2, wait: 3 },
  // WITHDRAW position|origposition|waittime|info
  WITHDRAW: { kind: 'exit', position: 1, wait: 2 },
  // COMPLETECALLER / COMPLETEAGENT holdtime|calltime|origposition
  COMPLETECALLER: { kind: 'complete', wait: 0, talk: 1, position: 2 },
  COMPLETEAGENT: { kind: 'complete', wait: 0, talk: 1, position: 2 },
  // BLINDTRANSFER exten|context|holdtime|calltime|origposition; ATTENDEDTRANSFER method|data|holdtime|calltime|origposition
  BLINDTRANSFER: { kind: 'complete', wait: 2, talk: 3, position: 4 },
  ATTENDEDTRANSFER: { kind: 'complete', wait: 2, talk: 3, position: 4 },
  // RINGNOANSWER ringtime (ms)
  RINGNOANSWER: { kind: 'ringnoanswer', ringMs: 0 },
  PAUSE: { kind: 'pause' },
  UNPAUSE: { kind: 'unpause' },
  ADDMEMBER: { kind: 'added' },
  REMOVEMEMBER: { kind: 'removed' },
}

/** AgentComplete's Reason for each way a queue_log call ends (app_queue's send_agent_complete). */
const COMPLETE_REASON: Readonly<Record<string, string>> = {
  COMPLETECALLER: 'caller',
  COMPLETEAGENT: 'agent',
  BLINDTRANSFER: 'transfer',
  ATTENDEDTRANSFER: 'transfer',
}

const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.\d+)?$/

/** The line's time as epoch ms at whole seconds: epoch seconds (the file) or a local date-time in the PBX's zone (the table). */
function timeOf(field: string, timeZone: string): number | undefined {
  if (/^\d{9,11}(?:\.\d+)?$/.test(field)) return Math.floor(Number(field)) * 1000
  const m = LOCAL_TIME.exec(field)
  if (m === null) return undefined
  const ms = localToUtcMs(`${m[1] ?? ''} ${m[2] ?? ''}`, timeZone)
  return Number.isFinite(ms) ? ms : undefined
}

/** One line of queue_log. Lines the reports do not use (QUEUESTART, CONFIGRELOAD, PAUSEALL …) are ignored, malformed ones rejected with why. */
export function parseQueueLogLine(line: string, timeZone: string): QueueLogLine {
  const f = line.split('|')
  if (f.length < 5) return { kind: 'rejected', reason: t('lineNotQueueLog') }
  const [time = '', callid = '', queue = '', agent = '', name = ''] = f
  const at = timeOf(time.trim(), timeZone)
  if (at === undefined) return { kind: 'rejected', reason: t('lineNotATime', { time: time.slice(0, 30) }) }
  const spec = EVENTS[name.trim()]
  // PAUSEALL/UNPAUSEALL are logged once with queue NONE, and each queue's own PAUSE follows: those are kept.
  if (spec === undefined || queue === 'NONE' || queue === '') return { kind: 'ignored' }
  const data = f.slice(5)
  const at_ = (i: number | undefined): number | undefined => (i === undefined ? undefined : int(data[i]))
  const wait = at_(spec.wait)
  const talk = at_(spec.talk)
  const position = at_(spec.position)
  const ringMs = at_(spec.ringMs)
  const member = spec.kind !== 'join' && spec.kind !== 'abandon' && spec.kind !== 'exit'
  const pauseish = spec.kind === 'pause' || spec.kind === 'unpause' || spec.kind === 'added' || spec.kind === 'removed'
  if (member && (agent === '' || agent === 'NONE')) return { kind: 'rejected', reason: t('lineNoMember', { event: name }) }
  if (!pauseish && (callid === '' || callid === 'NONE')) return { kind: 'rejected', reason: t('lineNoCaller', { event: name }) }
  return {
    kind: 'event',
    event: {
      at,
      kind: spec.kind,
      queue,
      callid: pauseish ? '' : callid,
      agent: member ? agent : '',
      iface: '',
      ...(wait === undefined ? {} : { wait }),
      ...(talk === undefined ? {} : { talk }),
      ...(ringMs === undefined ? {} : { ring: Math.round(ringMs / 1000) }),
      ...(position === undefined ? {} : { position }),
      reason:
        spec.kind === 'pause' || spec.kind === 'unpause'
          ? (data[0] ?? '')
          : spec.kind === 'complete'
            ? (COMPLETE_REASON[name] ?? '')
            : spec.kind === 'exit'
              ? name
              : '',
      caller: spec.kind === 'join' ? (data[1] ?? '') : '',
      source: 'queue_log',
    },
  }
}
