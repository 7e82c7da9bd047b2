/**
 * Test connection's line for configuration (profiles → Test connection): what this FreePBX API
 * client may read, change and apply, or, in the admin's words, what the profile still needs (the
 * API module, a Machine-to-Machine application, the scopes to add). readiness.ts finds it out.
 */
import type { ConfigKind } from '../../../../src-preload/types/config'
import type { BackendProbe } from '../../config/backend'
import type { ProbeResult } from '../../connection/probe-result'
import type { FreepbxClient } from '../client'
import { API_NEEDS } from '../../config/service'
import { freepbxConfigBackend } from './backend'
import { KIND_ORDER } from './readiness'

const KIND_WORDS: Readonly<Record<ConfigKind, string>> = {
  extension: 'extensions',
  ringGroup: 'ring groups',
  inboundRoute: 'inbound routes',
  voicemail: 'voicemail',
  queueMembers: 'queue members',
}

function listInWords(kinds: readonly ConfigKind[]): string {
  const words = kinds.map((k) => KIND_WORDS[k])
  return words.length <= 1 ? (words[0] ?? 'nothing') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`
}

/** Test connection's line for configuration: what can be configured, or what the profile needs. */
export function readinessInWords(probe: BackendProbe): ProbeResult {
  const version = probe.version === undefined ? 'FreePBX' : `FreePBX ${probe.version}`
  if (probe.needs.length === 0)
    return { ok: true, warnings: [], version: `${version}: ${listInWords(probe.writable)} can be read, changed and applied` }
  if (probe.kinds.length === 0)
    return {
      ok: false,
      code: 'missing_permission',
      reason: 'the PBX configuration cannot be edited from the console yet',
      warnings: [...probe.needs],
    }
  const readOnly = probe.kinds.filter((k) => !probe.writable.includes(k))
  const unreadable = KIND_ORDER.filter((k) => !probe.kinds.includes(k))
  const parts = [
    ...(probe.writable.length === 0 ? [] : [`${listInWords(probe.writable)} can be changed`]),
    ...(readOnly.length === 0 ? [] : [`${listInWords(readOnly)} only read`]),
    ...(unreadable.length === 0 ? [] : [`${listInWords(unreadable)} not at all`]),
    ...(probe.canApply ? [] : ['Apply Config not allowed']),
  ]
  const reason = parts.length === 0 ? 'see what is missing' : `partly: ${parts.join('; ')}`
  return { ok: false, code: 'missing_permission', reason, warnings: [...probe.needs] }
}

/** Test connection: what this FreePBX API client may do for configuration, in words. */
export async function testConfigReadiness(api: FreepbxClient): Promise<ProbeResult> {
  const backend = freepbxConfigBackend({ run: (work) => work(api) })
  return readinessInWords(await backend.probe())
}

/** An admin profile with the FreePBX API turned off: what configuration needs. */
export function configWithoutApi(): ProbeResult {
  return readinessInWords({ kinds: [], writable: [], canApply: false, needs: [...API_NEEDS] })
}
