/** Replays real captures through the live reducers. */
import { parseAmiBytes } from '../../../src-main/core/ami/framing'
import type { AmiMessage } from '../../../src-main/core/ami/message'
import { type AmiTypedEvent, toTypedEvent } from '../../../src-main/core/ami/events'
import { emptyLiveModel, type LiveModel } from '../../../src-main/core/live/model'
import { reduce } from '../../../src-main/core/live/reduce'
import { readCapture } from '../../support/captures'

export function captureMessages(name: string): AmiMessage[] {
  return parseAmiBytes(readCapture(name)).messages
}

/** Unsolicited typed events only: list items carry an ActionID (and AmiClient never emits them). */
export function liveEvents(name: string): AmiTypedEvent[] {
  const out: AmiTypedEvent[] = []
  for (const m of captureMessages(name)) {
    if (m.event === undefined) continue
    const ev = toTypedEvent(m)
    if (ev === undefined || (ev.actionId !== undefined && ev.event !== 'OriginateResponse' && ev.event !== 'UserEvent')) continue
    out.push(ev)
  }
  return out
}

/** Items of the EventList answered to `actionId` in a capture. */
export function listItems(name: string, actionId: string): AmiMessage[] {
  return captureMessages(name).filter((m) => m.event !== undefined && m.actionId === actionId && m.get('EventList') === undefined)
}

export interface Step {
  readonly index: number
  readonly event: AmiTypedEvent
  readonly model: LiveModel
}

/** Every intermediate state; event i is stamped with now = 1000 * (i + 1) so times are checkable. */
export function replay(name: string, start: LiveModel = emptyLiveModel()): Step[] {
  const steps: Step[] = []
  let model = start
  liveEvents(name).forEach((event, index) => {
    model = reduce(model, event, 1000 * (index + 1))
    steps.push({ index, event, model })
  })
  return steps
}

export function finalModel(name: string): LiveModel {
  const steps = replay(name)
  return steps[steps.length - 1]?.model ?? emptyLiveModel()
}

/** Every state right after an event matching `pred`. */
export function after(steps: readonly Step[], pred: (e: AmiTypedEvent) => boolean): Step[] {
  return steps.filter((s) => pred(s.event))
}
