/**
 * A tiny reference PBX for the resync property test: it applies commands to its own model and
 * writes the AMI events Asterisk would send, and can answer CoreShowChannels / BridgeList /
 * QueueStatus from its model at any moment. Its model is the truth the live state is compared to.
 */
import fc from 'fast-check'
import { AmiMessage } from '../../../src-main/core/ami/message'

export type SimCommand =
  | { readonly op: 'new'; readonly link: number | undefined }
  | { readonly op: 'up'; readonly ch: number }
  | { readonly op: 'bridge'; readonly a: number; readonly b: number }
  | { readonly op: 'leave'; readonly ch: number }
  | { readonly op: 'hangup'; readonly ch: number }
  | { readonly op: 'queue'; readonly ch: number }
  | { readonly op: 'callerid'; readonly ch: number; readonly name: string }

/**
 * Random commands on channels 0..maxChannel, weighted as a busy PBX behaves (more new channels,
 * bridges and hang-ups than leaves). `queueAndCallerId: false` keeps to calls and bridges.
 */
export function simCommands(maxChannel: number, opts: { readonly queueAndCallerId?: boolean } = {}): fc.Arbitrary<SimCommand> {
  const ch = fc.nat(maxChannel)
  const calls: Array<fc.WeightedArbitrary<SimCommand>> = [
    { weight: 4, arbitrary: fc.record({ op: fc.constant('new' as const), link: fc.option(ch, { nil: undefined }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('up' as const), ch }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('bridge' as const), a: ch, b: ch }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('leave' as const), ch }) },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('hangup' as const), ch }) },
  ]
  if (opts.queueAndCallerId === false) return fc.oneof(...calls)
  return fc.oneof(
    ...calls,
    { weight: 1, arbitrary: fc.record({ op: fc.constant('queue' as const), ch }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('callerid' as const), ch, name: fc.constantFrom('Zoë', 'Ann', 'Bob') }) },
  )
}

interface SimChannel {
  id: string
  name: string
  state: number
  linkedid: string
  callerName: string
  bridge: string | undefined
  queued: boolean
}

const STATE_DESC: Record<number, string> = { 0: 'Down', 4: 'Ring', 6: 'Up' }

export class SimPbx {
  readonly channels = new Map<string, SimChannel>()
  readonly bridges = new Map<string, Set<string>>()
  queueOrder: string[] = []
  private seq = 0
  private bridgeSeq = 0

  private pick(i: number): SimChannel | undefined {
    const all = [...this.channels.values()]
    return all.length === 0 ? undefined : all[i % all.length]
  }

  private block(ch: SimChannel): Array<[string, string]> {
    return [
      ['Channel', ch.name],
      ['ChannelState', String(ch.state)],
      ['ChannelStateDesc', STATE_DESC[ch.state] ?? 'Down'],
      ['CallerIDNum', '100'],
      ['CallerIDName', ch.callerName],
      ['ConnectedLineNum', '<unknown>'],
      ['ConnectedLineName', '<unknown>'],
      ['Context', 'from-internal'],
      ['Exten', '200'],
      ['Priority', '1'],
      ['Uniqueid', ch.id],
      ['Linkedid', ch.linkedid],
    ]
  }

  private ev(name: string, ch: SimChannel | undefined, extra: Array<[string, string]> = []): AmiMessage {
    return AmiMessage.from([['Event', name], ['Privilege', 'call,all'], ...(ch ? this.block(ch) : []), ...extra])
  }

  private createBridge(id: string, out: AmiMessage[]): void {
    this.bridges.set(id, new Set())
    out.push(
      AmiMessage.from([
        ['Event', 'BridgeCreate'],
        ['BridgeUniqueid', id],
        ['BridgeType', 'basic'],
      ]),
    )
  }

  private leaveBridge(ch: SimChannel, out: AmiMessage[]): void {
    const b = ch.bridge
    if (b === undefined) return
    out.push(
      this.ev('BridgeLeave', ch, [
        ['BridgeUniqueid', b],
        ['BridgeType', 'basic'],
      ]),
    )
    ch.bridge = undefined
    const members = this.bridges.get(b)
    members?.delete(ch.id)
    if (members !== undefined && members.size === 0) {
      this.bridges.delete(b)
      out.push(
        AmiMessage.from([
          ['Event', 'BridgeDestroy'],
          ['BridgeUniqueid', b],
          ['BridgeType', 'basic'],
        ]),
      )
    }
  }

  private leaveQueue(ch: SimChannel, out: AmiMessage[]): void {
    if (!ch.queued) return
    const pos = this.queueOrder.indexOf(ch.id) + 1
    this.queueOrder = this.queueOrder.filter((x) => x !== ch.id)
    ch.queued = false
    out.push(
      this.ev('QueueCallerLeave', ch, [
        ['Queue', 'support'],
        ['Position', String(pos)],
        ['Count', String(this.queueOrder.length)],
      ]),
    )
  }

  apply(cmd: SimCommand): AmiMessage[] {
    const out: AmiMessage[] = []
    switch (cmd.op) {
      case 'new': {
        const id = `sim-${this.seq++}`
        const linkTo = cmd.link === undefined ? undefined : this.pick(cmd.link)
        const ch: SimChannel = {
          id,
          name: `PJSIP/1${this.seq % 20}-${id}`,
          state: 4,
          linkedid: linkTo?.linkedid ?? id,
          callerName: 'Caller',
          bridge: undefined,
          queued: false,
        }
        this.channels.set(id, ch)
        out.push(this.ev('Newchannel', ch))
        break
      }
      case 'up': {
        const ch = this.pick(cmd.ch)
        if (ch === undefined || ch.state === 6) break
        ch.state = 6
        out.push(this.ev('Newstate', ch))
        break
      }
      case 'callerid': {
        const ch = this.pick(cmd.ch)
        if (ch === undefined) break
        ch.callerName = cmd.name
        out.push(this.ev('NewCallerid', ch))
        break
      }
      case 'bridge': {
        const a = this.pick(cmd.a)
        const b = this.pick(cmd.b)
        if (a === undefined || b === undefined || a === b) break
        this.leaveQueue(a, out)
        this.leaveQueue(b, out)
        let target = b.bridge
        if (target === undefined) {
          target = `br-${this.bridgeSeq++}`
          this.createBridge(target, out)
        }
        for (const ch of [a, b]) {
          if (ch.bridge === target) continue
          this.leaveBridge(ch, out)
          if (!this.bridges.has(target)) this.createBridge(target, out)
          ch.bridge = target
          this.bridges.get(target)?.add(ch.id)
          out.push(
            this.ev('BridgeEnter', ch, [
              ['BridgeUniqueid', target],
              ['BridgeType', 'basic'],
            ]),
          )
        }
        break
      }
      case 'leave': {
        const ch = this.pick(cmd.ch)
        if (ch !== undefined) this.leaveBridge(ch, out)
        break
      }
      case 'queue': {
        const ch = this.pick(cmd.ch)
        if (ch === undefined || ch.queued || ch.bridge !== undefined) break
        ch.queued = true
        this.queueOrder.push(ch.id)
        out.push(
          this.ev('QueueCallerJoin', ch, [
            ['Queue', 'support'],
            ['Position', String(this.queueOrder.length)],
            ['Count', String(this.queueOrder.length)],
          ]),
        )
        break
      }
      case 'hangup': {
        const ch = this.pick(cmd.ch)
        if (ch === undefined) break
        this.leaveQueue(ch, out)
        this.leaveBridge(ch, out)
        this.channels.delete(ch.id)
        out.push(
          this.ev('Hangup', ch, [
            ['Cause', '16'],
            ['Cause-txt', 'Normal Clearing'],
          ]),
        )
        break
      }
    }
    return out
  }

  /** The EventList items Asterisk would answer now. */
  snapshot(): { coreShowChannels: AmiMessage[]; bridgeList: AmiMessage[]; queueStatus: AmiMessage[] } {
    const coreShowChannels = [...this.channels.values()].map((ch) =>
      AmiMessage.from([
        ['Event', 'CoreShowChannel'],
        ['ActionID', 'snap'],
        ...this.block(ch),
        ['BridgeId', ch.bridge ?? ''],
        ['Duration', '00:00:01'],
      ]),
    )
    const bridgeList = [...this.bridges.keys()].map((b) =>
      AmiMessage.from([
        ['Event', 'BridgeListItem'],
        ['ActionID', 'snap'],
        ['BridgeUniqueid', b],
        ['BridgeType', 'basic'],
      ]),
    )
    const queueStatus = [
      AmiMessage.from([
        ['Event', 'QueueParams'],
        ['Queue', 'support'],
        ['ActionID', 'snap'],
      ]),
      ...this.queueOrder.map((id, i) => {
        const ch = this.channels.get(id) as SimChannel
        return AmiMessage.from([
          ['Event', 'QueueEntry'],
          ['Queue', 'support'],
          ['Position', String(i + 1)],
          ['Channel', ch.name],
          ['Uniqueid', id],
          ['CallerIDNum', '100'],
          ['CallerIDName', ch.callerName],
          ['Wait', '0'],
          ['ActionID', 'snap'],
        ])
      }),
    ]
    return { coreShowChannels, bridgeList, queueStatus }
  }
}
