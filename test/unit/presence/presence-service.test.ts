import { afterEach, describe, expect, it } from 'vitest'
import type { AmiPort } from '../../../src-main/core/actions/pbx-port'
import type { ListResult } from '../../../src-main/core/ami/client'
import { AmiMessage, type AmiFieldsInput } from '../../../src-main/core/ami/message'
import { MemoryAuditLog } from '../../../src-main/core/audit'
import { DialBudgets } from '../../../src-main/core/guard'
import type { LiveModel } from '../../../src-main/core/live'
import { PresenceService } from '../../../src-main/core/presence/presence-service'
import { presenceValue } from '../../../src-main/core/presence/reading'
import { builtinDemoProfile, type PbxProfile } from '../../../src-main/core/profiles'
import type { PresenceChange } from '../../../src-preload/types/presence'

type Sent = [name: string, fields: [string, unknown][]]

const item = (event: string, fields: [string, string][]): AmiMessage => AmiMessage.from([['Event', event], ...fields])
const tree = (entries: [string, string][]): AmiMessage[] =>
  entries.map(([key, val]) =>
    item('DBGetTreeResponse', [
      ['Key', key],
      ['Val', val],
    ]),
  )

interface Fake {
  readonly service: PresenceService
  readonly sent: Sent[]
  readonly changes: PresenceChange[]
  readonly audit: MemoryAuditLog
  /** AstDB as the fake PBX lists it, by family. */
  readonly db: Map<string, [string, string][]>
  fire(msg: AmiMessage): void
  /** Holds list answers until `release` (a read in flight while a write happens). */
  hold(): () => void
  clock: { now: number }
}

const made: PresenceService[] = []
afterEach(() => {
  for (const s of made.splice(0)) s.dispose()
})

function fake(opts: { freepbx?: boolean; extensions?: string[]; profile?: Partial<PbxProfile> } = {}): Fake {
  const base = builtinDemoProfile({ ami: 5038 })
  const profile: PbxProfile = { ...base, freepbx: { ...base.freepbx, enabled: false }, ...opts.profile }
  const sent: Sent[] = []
  const db = new Map<string, [string, string][]>()
  const listeners = new Set<(m: AmiMessage) => void>()
  let held: (() => void)[] | undefined
  const clock = { now: 1_000_000 }
  const ami: AmiPort = {
    action: (name, fields) => {
      sent.push([name, [...((fields ?? []) as [string, unknown][])]])
      return Promise.resolve(AmiMessage.from([['Response', 'Success']]))
    },
    originate: () => Promise.reject(new Error('no originate here')),
  }
  const amiList = (name: string, fields?: AmiFieldsInput): Promise<ListResult> => {
    const family = (fields as [string, string][] | undefined)?.find(([k]) => k === 'Family')?.[1]
    const answer = (): ListResult => {
      const events =
        name === 'PresenceStateList'
          ? []
          : family === 'AMPUSER'
            ? []
            : tree((db.get(family ?? '') ?? []).map(([k, v]) => [`/${family ?? ''}/${k}`, v]))
      return { response: AmiMessage.from([['Response', 'Success']]), events }
    }
    if (held === undefined) return Promise.resolve(answer())
    const snapshot = answer()
    return new Promise((resolve) =>
      held?.push(() => {
        resolve(snapshot)
      }),
    )
  }
  const extensions = Object.fromEntries(
    (opts.extensions ?? ['100', '104', '105', '106']).map((id) => [id, { id, state: 'NOT_INUSE', hint: `PJSIP/${id}` }]),
  )
  const model = { extensions } as unknown as LiveModel
  const audit = new MemoryAuditLog()
  if (opts.freepbx === true) db.set('DAYNIGHT', [['C0', 'DAY']])
  const service = new PresenceService({
    profile: () => profile,
    ami,
    amiList,
    onAmiEvent: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
    onAmiReady: () => () => undefined,
    amiReady: () => true,
    liveModel: () => model,
    audit,
    dialBudget: new DialBudgets(),
    now: () => clock.now,
    pollEveryMs: 3_600_000,
  })
  made.push(service)
  const changes: PresenceChange[] = []
  service.onChange((c) => changes.push(c))
  return {
    service,
    sent,
    changes,
    audit,
    db,
    clock,
    fire: (m) => {
      for (const l of listeners) l(m)
    },
    hold: () => {
      held = []
      return () => {
        const h = held ?? []
        held = undefined
        for (const f of h) f()
      }
    },
  }
}

const actor = { clientId: 'w1', transport: 'web' as const }

describe('PresenceService', () => {
  it('on plain Asterisk (no FreePBX keys, no API): DND is the presence state dnd, forwarding is refused in words', async () => {
    const f = fake()
    expect((await f.service.list()).source).toBe('asterisk')
    await f.service.setDnd('105', true, actor)
    expect(f.sent).toEqual([
      [
        'Setvar',
        [
          ['Variable', 'PRESENCE_STATE(CustomPresence:105)'],
          ['Value', 'dnd'],
        ],
      ],
    ])
    await expect(f.service.setForward('105', 'unconditional', '104', actor)).rejects.toMatchObject({
      code: 'refused',
      detail: { rule: 'forwarding_unsupported' },
    })
    expect(f.sent.some(([name]) => name === 'DBPut')).toBe(false)
  })

  it('FreePBX: DND is DBPut DND/<ext> YES then Custom:DND<ext> BUSY; off is DBDel then NOT_INUSE', async () => {
    const f = fake({ freepbx: true })
    expect((await f.service.list()).source).toBe('freepbx')
    await f.service.setDnd('105', true, actor)
    await f.service.setDnd('105', false, actor)
    expect(f.sent.map(([name, fields]) => `${name} ${fields.map(([, v]) => String(v)).join(' ')}`)).toEqual([
      'DBPut DND 105 YES',
      'Setvar DEVICE_STATE(Custom:DND105) BUSY',
      'DBDel DND 105',
      'Setvar DEVICE_STATE(Custom:DND105) NOT_INUSE',
    ])
  })

  it('refuses a forward to an emergency number (even one the guard would let through on confirmation) and to itself', async () => {
    const f = fake({ freepbx: true, extensions: ['100', '105'] })
    await f.service.list()
    await expect(f.service.setForward('105', 'busy', '112', actor)).rejects.toMatchObject({ code: 'refused', detail: { rule: 'emergency_forward' } })
    await expect(f.service.setForward('105', 'busy', '105', actor)).rejects.toMatchObject({ code: 'refused', detail: { rule: 'forward_to_itself' } })
    expect(f.sent).toEqual([])
    const lines = await f.audit.read({ limit: 10 })
    expect(lines.map((l) => [l.action, l.result, l.rule])).toEqual([
      ['presence.forward.set', 'refused', 'forward_to_itself'],
      ['presence.forward.set', 'refused', 'emergency_forward'],
    ])
  })

  it('applies device and presence state events at once, exact in time; lamps keep their time in state', async () => {
    const f = fake({ freepbx: true })
    await f.service.list()
    f.clock.now += 5_000
    f.fire(
      item('DeviceStateChange', [
        ['Device', 'Custom:DND106'],
        ['State', 'BUSY'],
      ]),
    )
    f.fire(
      item('PresenceStateChange', [
        ['Presentity', 'CustomPresence:104'],
        ['Status', 'away'],
        ['Subtype', 'Lunch'],
        ['Message', 'back at 2'],
      ]),
    )
    f.fire(
      item('DeviceStateChange', [
        ['Device', 'Custom:DAYNIGHT0'],
        ['State', 'INUSE'],
      ]),
    )
    f.fire(
      item('ExtensionStatus', [
        ['Exten', '105'],
        ['Status', '1'],
      ]),
    )
    await expect.poll(() => f.changes.length).toBe(1)
    const change = f.changes[0]
    expect(change?.extensions['106']).toMatchObject({ dnd: true, since: { at: 1_005_000, exact: true } })
    expect(change?.extensions['104']?.note).toEqual({ status: 'away', subtype: 'Lunch', message: 'back at 2' })
    expect(change?.extensions['105']?.lampSince).toEqual({ at: 1_005_000, exact: true })
    expect(change?.toggles).toEqual([{ index: '0', name: 'Call flow 0', mode: 'night', featureCode: '*280', since: { at: 1_005_000, exact: true } }])
    // What the first read found is "at least since then", not exact.
    expect((await f.service.list()).extensions['100']?.lampSince).toEqual({ at: 1_000_000, exact: false })
  })

  it('a read that began before a write does not undo it; the next read finds it', async () => {
    const f = fake({ freepbx: true })
    await f.service.list()
    const release = f.hold()
    const reading = f.service.read()
    f.clock.now += 1_000
    await f.service.setDnd('105', true, actor)
    release()
    await reading
    expect((await f.service.list()).extensions['105']?.dnd).toBe(true)
    // The PBX now holds it (the fake's AstDB did not follow the write: the next read is the truth).
    f.db.set('DND', [['105', 'YES']])
    await f.service.read()
    expect((await f.service.list()).extensions['105']?.dnd).toBe(true)
    f.db.set('DND', [])
    f.clock.now += 1_000
    await f.service.read()
    expect((await f.service.list()).extensions['105']).toMatchObject({ dnd: false, since: { at: 1_002_000, exact: true } })
  })

  it('writes a note’s commas safely (Base64 with the e option)', () => {
    expect(presenceValue('away', 'Lunch, back at 2')).toBe(`away,,${Buffer.from('Lunch, back at 2').toString('base64')},e`)
    expect(presenceValue('available', '')).toBe('available')
  })
})
