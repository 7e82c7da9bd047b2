import type { PbxProfile } from './schema'

export interface DemoPorts {
  ami: number
  ari?: number
  /** The demo's HTTP port for the FreePBX-style API (token + GraphQL), when it serves one. */
  freepbxHttp?: number
}

/**
 * The profile the console uses against the built-in demo PBX: loopback only, the
 * least-privileged `operator` AMI user, a receptionist seat, no extra outbound prefixes.
 */
export function builtinDemoProfile(ports: DemoPorts): PbxProfile {
  return {
    id: 'demo',
    name: 'Demo PBX',
    host: '127.0.0.1',
    ami: { port: ports.ami, tls: false, rejectUnauthorized: true, user: 'operator', hasSecret: false },
    ari: { enabled: ports.ari !== undefined, port: ports.ari ?? 8088, tls: false, rejectUnauthorized: true, user: 'operator', hasSecret: false },
    freepbx: {
      enabled: ports.freepbxHttp !== undefined,
      baseUrl: `http://127.0.0.1:${String(ports.freepbxHttp ?? 80)}`,
      clientId: 'attendant-demo',
      hasSecret: false,
    },
    operator: { ownExtension: '1001', role: 'receptionist', readOnly: false },
    dialPlan: {
      country: '1',
      outsideLinePrefix: '9',
      nationalPrefix: '1',
      internationalPrefix: '011',
      internalExtensions: { patterns: ['1XXX'], list: [] },
      emergencyNumbers: ['911'],
      allowedOutboundPrefixes: [],
    },
    timeZone: 'America/New_York',
    originate: {
      channelTemplate: 'PJSIP/{ext}',
      context: 'from-internal',
      voicemailContext: 'default',
      voicemailPrefix: '*',
      parkingLot: 'default',
    },
  }
}
