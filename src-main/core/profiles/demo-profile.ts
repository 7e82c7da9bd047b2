import { DEFAULT_DIAL_LIMITS, type PbxProfile } from './schema'

export interface DemoPorts {
  ami: number
  ari?: number
  /** The demo's HTTP port for the FreePBX-style API (token + GraphQL), when it serves one. */
  freepbxHttp?: number
}

/**
 * The profile the console uses against the built-in demo PBX: loopback only, the
 * least-privileged `operator` AMI user, a receptionist seat, no extra outbound prefixes.
 * It matches the demo's `office` PBX (src-main/core/demo/config/office.ts): phones 100–119 (the
 * operator sits at 100), queues 200/201, ring group 600, parking 700/701–720, voicemail `*1xx`,
 * a German trunk reached with outside-line prefix 0.
 */
export function builtinDemoProfile(ports: DemoPorts): PbxProfile {
  return {
    id: 'demo',
    name: 'Demo PBX',
    host: '127.0.0.1',
    ami: { port: ports.ami, tls: false, rejectUnauthorized: true, user: 'operator', auth: 'md5', hasSecret: false },
    ari: { enabled: ports.ari !== undefined, port: ports.ari ?? 8088, tls: false, rejectUnauthorized: true, user: 'operator', hasSecret: false },
    freepbx: {
      enabled: ports.freepbxHttp !== undefined,
      baseUrl: `http://127.0.0.1:${String(ports.freepbxHttp ?? 80)}`,
      clientId: 'attendant-demo',
      hasSecret: false,
    },
    operator: { ownExtension: '100', role: 'receptionist', readOnly: false },
    dialPlan: {
      country: '49',
      outsideLinePrefix: '0',
      nationalPrefix: '0',
      internationalPrefix: '00',
      internalExtensions: { patterns: ['1XX', '2XX', '6XX', '7XX'], list: [] },
      emergencyNumbers: ['112', '110'],
      allowedOutboundPrefixes: [],
    },
    // The demo PBX writes CDR and AMI times in UTC (as the capture lab's Asterisk did).
    timeZone: 'UTC',
    originate: {
      channelTemplate: 'PJSIP/{ext}',
      context: 'from-internal',
      voicemailContext: 'from-internal',
      voicemailPrefix: '*',
      parkingLot: 'default',
    },
    dialLimits: { ...DEFAULT_DIAL_LIMITS },
  }
}
