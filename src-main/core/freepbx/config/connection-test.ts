/**
 * Test connection's line for configuration (profiles → Test connection): what this FreePBX API
 * client may read, change and apply, or, in the admin's words, what the profile still needs (the
 * API module, a Machine-to-Machine application, the scopes to add). readiness.ts finds it out.
 */
import type { ConfigKind } from '../../../../src-preload/types/config'
import type { BackendProbe } from '../../config/backend'
import type { ProbeResult } from '../../connection/probe-result'
import type { FreepbxClient } from '../client'
import { apiNeeds } from '../../config/service'
import { say } from '../../i18n'
import { freepbxConfigBackend } from './backend'
import { KIND_ORDER, kindWords } from './readiness'
import { strings } from './strings'

const t = say(strings)

/** "extensions, ring groups and voicemail" in the admin's language (the comma is German's and French's too). */
function listInWords(kinds: readonly ConfigKind[]): string {
  const words = kinds.map(kindWords)
  const last = words.at(-1)
  if (last === undefined) return t('what.nothing')
  return words.length === 1 ? last : t('list.last', { first: words.slice(0, -1).join(', '), last })
}

/** Test connection's line for configuration: what can be configured, or what the profile needs. */
export function readinessInWords(probe: BackendProbe): ProbeResult {
  const version = probe.version === undefined ? 'FreePBX' : `FreePBX ${probe.version}`
  if (probe.needs.length === 0) return { ok: true, warnings: [], version: t('test.ready', { version, kinds: listInWords(probe.writable) }) }
  if (probe.kinds.length === 0)
    return {
      ok: false,
      code: 'missing_permission',
      reason: t('test.notYet'),
      warnings: [...probe.needs],
    }
  const readOnly = probe.kinds.filter((k) => !probe.writable.includes(k))
  const unreadable = KIND_ORDER.filter((k) => !probe.kinds.includes(k))
  const parts = [
    ...(probe.writable.length === 0 ? [] : [t('part.changed', { kinds: listInWords(probe.writable) })]),
    ...(readOnly.length === 0 ? [] : [t('part.readOnly', { kinds: listInWords(readOnly) })]),
    ...(unreadable.length === 0 ? [] : [t('part.none', { kinds: listInWords(unreadable) })]),
    ...(probe.canApply ? [] : [t('part.noApply')]),
  ]
  const reason = parts.length === 0 ? t('test.seeMissing') : t('test.partly', { parts: parts.join('; ') })
  return { ok: false, code: 'missing_permission', reason, warnings: [...probe.needs] }
}

/** Test connection: what this FreePBX API client may do for configuration, in words. */
export async function testConfigReadiness(api: FreepbxClient): Promise<ProbeResult> {
  const backend = freepbxConfigBackend({ run: (work) => work(api) })
  return readinessInWords(await backend.probe())
}

/** An admin profile with the FreePBX API turned off: what configuration needs. */
export function configWithoutApi(): ProbeResult {
  return readinessInWords({ kinds: [], writable: [], canApply: false, needs: apiNeeds() })
}
