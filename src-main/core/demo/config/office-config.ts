/**
 * The office demo as FreePBX configuration: extensions 100–119 (118 and 119 not registered),
 * voicemail for each, ring group 600, queues support (200) and sales (201), and the inbound
 * routes of the trunks' DIDs. `generate` adds bulk data for benchmarks (issue 17's bench:
 * 5,000 extensions, 300 ring groups, 2,000 inbound routes).
 *
 *   officeFreepbxConfig()                                             // the office
 *   officeFreepbxConfig({ extensions: 5000, ringGroups: 300, inboundRoutes: 2000 })
 */
import { randomBytes } from 'node:crypto'
import {
  DEFAULT_EXTENSION_SETTINGS,
  type ConfigRecords,
  type ExtensionRecord,
  FreepbxConfig,
  type InboundRouteRecord,
  type RingGroupRecord,
  type VoicemailRecord,
  emptyRecords,
  inboundRouteId,
} from './freepbx-config'

export interface GeneratedSize {
  /** Extra extensions numbered from 2000 (4-digit, beside the office's 100–119). */
  readonly extensions?: number
  /** Extra ring groups numbered from 6000, each ringing a few generated extensions. */
  readonly ringGroups?: number
  /** Extra inbound routes (DIDs +4989…) to generated extensions and ring groups. */
  readonly inboundRoutes?: number
}

export const OFFICE_NAMES = [
  'Reception',
  'Anna Berger',
  'Ben Cho',
  'Carla Diaz',
  'David Eze',
  'Eva Fischer',
  'Farid Gül',
  'Greta Holm',
  'Hugo Ito',
  'Ines Jovanović',
  'Jonas Keller',
  'Kira Lund',
  'Luca Moretti',
  'Mia Novak',
  'Noah Olsen',
  'Olga Petrov',
  'Paul Quinn',
  'Rosa Silva',
  'Sven Tanaka',
  'Tara Uddin',
]

/** FreePBX's generateSecret(): 32 hex characters. */
export function generateSecret(): string {
  return randomBytes(16).toString('hex')
}

export function newExtension(extensionId: string, name: string, fields: Partial<Omit<ExtensionRecord, 'extensionId'>> = {}): ExtensionRecord {
  return {
    extensionId,
    tech: 'pjsip',
    name,
    email: '',
    secret: generateSecret(),
    outboundCid: '',
    emergencyCid: '',
    callerId: `"${name}" <${extensionId}>`,
    channelName: '',
    umEnable: true,
    umGroups: '1',
    umPassword: '',
    maxContacts: 1,
    ...fields,
    settings: { ...DEFAULT_EXTENSION_SETTINGS, ...fields.settings },
  }
}

export function newVoicemail(extensionId: string, password: string, name: string, email = ''): VoicemailRecord {
  return { extensionId, context: 'default', password, name, email, pager: '', attach: 'no', saycid: 'no', envelope: 'no', delete: 'no' }
}

/** A ring group row with addRingGroup's defaults (Ringgroups.php addRingGroup()). */
export function newRingGroup(grpnum: string, fields: Partial<Omit<RingGroupRecord, 'grpnum'>> = {}): RingGroupRecord {
  return {
    grpnum,
    description: `ring group${grpnum}`,
    strategy: 'ringall',
    grplist: '',
    grptime: 20,
    grppre: '',
    postdest: 'app-blackhole,hangup,1',
    annmsg_id: '0',
    alertinfo: '',
    needsconf: '',
    remotealert_id: '0',
    toolate_id: '0',
    ringing: 'Ring',
    cwignore: '',
    cfignore: '',
    cpickup: '',
    recording: 'dontcare',
    progress: 'no',
    elsewhere: 'no',
    rvolume: '',
    changecid: 'default',
    fixedcid: '',
    ...fields,
  }
}

/** An inbound route row with Core's addDIDDefaults(). */
export function newInboundRoute(extension: string, cidnum: string, destination: string, description = ''): InboundRouteRecord {
  return {
    extension,
    cidnum,
    description,
    destination,
    privacyman: 0,
    alertinfo: '',
    ringing: '',
    mohclass: 'default',
    grppre: '',
    delay_answer: 0,
    pricid: '',
    pmmaxretries: '3',
    pmminlength: '10',
    reversal: '',
    rvolume: '',
    fanswer: '',
  }
}

function queueMember(exten: string, penalty = 0): string {
  return `Local/${exten}@from-queue/n,${String(penalty)}`
}

export function officeRecords(size: GeneratedSize = {}): { records: ConfigRecords; unregistered: string[] } {
  const r = emptyRecords()
  OFFICE_NAMES.forEach((name, i) => {
    const exten = String(100 + i)
    r.extensions.set(exten, newExtension(exten, name, { email: `${exten}@office.example` }))
    r.voicemail.set(exten, newVoicemail(exten, exten, name))
  })
  // Ring group 600 rings 101–103 for 25 s (the office demo's group).
  r.ringGroups.set('600', newRingGroup('600', { description: 'Sales team', grplist: '101-102-103', grptime: 25 }))
  r.queues.set('200', {
    extension: '200',
    name: 'support',
    strategy: 'ringall',
    serviceLevel: 60,
    members: [queueMember('101'), queueMember('102')],
    dynmembers: ['103,1', '104,2'],
  })
  r.queues.set('201', {
    extension: '201',
    name: 'sales',
    strategy: 'rrmemory',
    serviceLevel: 30,
    members: [queueMember('105')],
    dynmembers: ['106,0', '107,0'],
  })
  const route = (did: string, destination: string, description: string): void => {
    r.inboundRoutes.set(inboundRouteId(did, ''), newInboundRoute(did, '', destination, description))
  }
  route('4930555000', 'ext-queues,200,1', 'Support line')
  route('4930555001', 'ext-queues,201,1', 'Sales line')
  // The main number goes through the office-hours toggle (day: reception, night: its voicemail).
  route('4930555002', 'app-daynight,0,1', 'Main number')
  route('4930555100', 'ext-group,600,1', 'Sales team (IAX2 peer)')
  for (let i = 1; i < OFFICE_NAMES.length; i++)
    route(`49305551${String(i).padStart(2, '0')}`, `from-did-direct,${String(100 + i)},1`, `Direct line ${String(100 + i)}`)
  generate(r, size)
  return { records: r, unregistered: ['118', '119'] }
}

function generate(r: ConfigRecords, size: GeneratedSize): void {
  const extensions = size.extensions ?? 0
  for (let i = 0; i < extensions; i++) {
    const exten = String(2000 + i)
    const name = `${OFFICE_NAMES[i % OFFICE_NAMES.length] ?? 'User'} ${String(i)}`
    r.extensions.set(exten, newExtension(exten, name, { email: `${exten}@office.example` }))
    if (i % 2 === 0) r.voicemail.set(exten, newVoicemail(exten, exten, name))
  }
  const groups = size.ringGroups ?? 0
  for (let g = 0; g < groups; g++) {
    const grpnum = String(6000 + g)
    const members = extensions > 0 ? [0, 1, 2].map((k) => String(2000 + ((g * 3 + k) % extensions))) : ['101', '102']
    r.ringGroups.set(grpnum, newRingGroup(grpnum, { description: `Group ${String(g)}`, grplist: members.join('-') }))
  }
  const routes = size.inboundRoutes ?? 0
  for (let k = 0; k < routes; k++) {
    const did = `4989${String(1_000_000 + k)}`
    const destination =
      groups > 0 && k % 4 === 0
        ? `ext-group,${String(6000 + (k % groups))},1`
        : extensions > 0
          ? `from-did-direct,${String(2000 + (k % extensions))},1`
          : 'from-did-direct,100,1'
    r.inboundRoutes.set(inboundRouteId(did, ''), newInboundRoute(did, '', destination, `Route ${String(k)}`))
  }
}

export function officeFreepbxConfig(size: GeneratedSize = {}): FreepbxConfig {
  const { records, unregistered } = officeRecords(size)
  const config = new FreepbxConfig(records)
  for (const e of unregistered) config.unregistered.add(e)
  return config
}
