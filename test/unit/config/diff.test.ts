import { describe, expect, it } from 'vitest'
import { diffLine, diffValues } from '../../../src-main/core/config/diff'
import { versionOf } from '../../../src-main/core/config/version'
import { fromFreepbx, fromLabel, toFreepbx } from '../../../src-main/core/freepbx/config/destinations'
import type { ConfigDestination } from '../../../src-preload/types/config'

describe('diffs', () => {
  it('lists changed fields with labels and shown values; secrets only as changed', () => {
    const d = diffValues(
      'ringGroup',
      { description: 'Sales', members: ['101'], noAnswer: { type: 'hangup' }, pickup: false },
      { description: 'Sales', members: ['101', '102'], noAnswer: { type: 'voicemail', extension: '101', greeting: 'busy' }, pickup: true },
    )
    expect(d).toEqual([
      { field: 'members', label: 'Members', before: '101', after: '101, 102' },
      { field: 'noAnswer', label: 'If nobody answers', before: 'Hang up', after: 'Voicemail 101 (busy)' },
      { field: 'pickup', label: 'Allow call pickup', before: 'off', after: 'on' },
    ])
    const s = diffValues('extension', { name: 'A' }, { name: 'A' }, ['voicemailPin'])
    expect(s).toEqual([{ field: 'voicemailPin', label: 'Voicemail PIN', after: '(changed)', secret: true }])
    expect(diffLine([...d, ...s])).toBe(
      'Members: 101 → 101, 102; If nobody answers: Hang up → Voicemail 101 (busy); Allow call pickup: off → on; Voicemail PIN: (changed)',
    )
  })

  it('a creation lists what is set; a removal what was there', () => {
    expect(diffValues('extension', undefined, { extension: '150', name: 'Desk', email: '' })).toEqual([
      { field: 'extension', label: 'Extension number', after: '150' },
      { field: 'name', label: 'Display name', after: 'Desk' },
    ])
    expect(diffValues('extension', { name: 'Desk' }, undefined)).toEqual([{ field: 'name', label: 'Display name', before: 'Desk' }])
  })

  it('versions follow every field read, the secret included, and not the order of keys', () => {
    expect(versionOf({ a: 1, b: 'x' })).toBe(versionOf({ b: 'x', a: 1 }))
    expect(versionOf({ name: 'A', secret: 's1' })).not.toBe(versionOf({ name: 'A', secret: 's2' }))
  })
})

describe('FreePBX destinations', () => {
  const all: ConfigDestination[] = [
    { type: 'extension', extension: '101' },
    { type: 'ringGroup', group: '600' },
    { type: 'queue', queue: '400' },
    { type: 'voicemail', extension: '101', greeting: 'busy' },
    { type: 'voicemail', extension: '101', greeting: 'noMessage' },
    { type: 'ivr', ivr: '3' },
    { type: 'hangup' },
    { type: 'congestion' },
  ]
  it('map to context,exten,priority and back', () => {
    for (const d of all) expect(fromFreepbx(toFreepbx(d) ?? '')).toEqual(d)
    expect(toFreepbx({ type: 'voicemail', extension: '101', greeting: 'unavailable' })).toBe('ext-local,vmu101,1')
    expect(fromFreepbx('app-announcement-2,s,1')).toEqual({ type: 'unknown', label: 'app-announcement-2,s,1' })
    expect(toFreepbx({ type: 'unknown', label: 'x' })).toBeUndefined()
  })
  it('read back from destinationConnection labels', () => {
    expect(fromLabel('Extensions:<101> Anna Berger')).toEqual({ type: 'extension', extension: '101' })
    expect(fromLabel('Ring Groups:600 Sales team')).toEqual({ type: 'ringGroup', group: '600' })
    expect(fromLabel('Queues:200 support')).toEqual({ type: 'queue', queue: '200' })
    expect(fromLabel('Voicemail:<101> Anna (unavail)')).toEqual({ type: 'voicemail', extension: '101', greeting: 'unavailable' })
    expect(fromLabel('Terminate Call:Hangup')).toEqual({ type: 'hangup' })
    expect(fromLabel('Announcements:Welcome')).toEqual({ type: 'unknown', label: 'Announcements:Welcome' })
    expect(fromLabel(undefined).type).toBe('unknown')
  })
})
