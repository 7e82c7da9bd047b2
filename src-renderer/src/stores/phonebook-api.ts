import type {
  Contact,
  ContactInput,
  ContactPage,
  ColumnTarget,
  ImportFormat,
  ImportPreview,
  ImportResult,
  PhonebookChanged,
} from '../../../src-preload/types/phonebook'
import type { Result } from '../../../src-preload/types/result'
import type { Bridge } from '../bridge/bridge'

/**
 * The phonebook channels as the phonebook store uses them (src-preload/contract/phonebook.ts). The
 * store talks to main only through this, so its tests answer as main would without a transport.
 */
export interface PhonebookApi {
  page(profileId: string, after: string | null, limit: number): Promise<Result<ContactPage>>
  search(profileId: string, query: string, limit: number): Promise<Result<readonly Contact[]>>
  save(profileId: string, id: string | undefined, contact: ContactInput): Promise<Result<Contact>>
  remove(profileId: string, id: string): Promise<Result<null>>
  stage(
    profileId: string,
    part: { importId?: string; format: ImportFormat; fileName: string; text: string; part: number; last: boolean },
  ): Promise<Result<{ readonly importId: string; readonly preview: ImportPreview | null }>>
  preview(profileId: string, importId: string, mapping?: readonly ColumnTarget[]): Promise<Result<ImportPreview>>
  commit(profileId: string, importId: string, mapping?: readonly ColumnTarget[]): Promise<Result<ImportResult>>
  discard(profileId: string, importId: string): Promise<Result<null>>
  onChanged(listener: (change: PhonebookChanged) => void): () => void
  /** The transport came back after a drop (web mode): changes made meanwhile were not heard. */
  onReopened(listener: () => void): () => void
}

export function bridgePhonebookApi(bridge: Bridge): PhonebookApi {
  const withMapping = (mapping?: readonly ColumnTarget[]) => (mapping === undefined ? {} : { mapping: [...mapping] })
  return {
    page: (profileId, after, limit) => bridge.invoke('phonebook.list', { profileId, after, limit }),
    search: (profileId, query, limit) => bridge.invoke('phonebook.search', { profileId, query, limit }),
    save: (profileId, id, contact) =>
      bridge.invoke('phonebook.save', { profileId, contact: { ...contact, numbers: [...contact.numbers] }, ...(id === undefined ? {} : { id }) }),
    remove: (profileId, id) => bridge.invoke('phonebook.remove', { profileId, id }),
    stage: (profileId, part) => bridge.invoke('phonebook.importStage', { profileId, ...part }),
    preview: (profileId, importId, mapping) => bridge.invoke('phonebook.importPreview', { profileId, importId, ...withMapping(mapping) }),
    commit: (profileId, importId, mapping) => bridge.invoke('phonebook.importCommit', { profileId, importId, ...withMapping(mapping) }),
    discard: (profileId, importId) => bridge.invoke('phonebook.importDiscard', { profileId, importId }),
    onChanged: (listener) => bridge.on('phonebook.changed', listener),
    onReopened: (listener) => {
      let state = bridge.linkState
      return bridge.onLinkChange((next) => {
        if (next === 'open' && state !== 'open') listener()
        state = next
      })
    },
  }
}
