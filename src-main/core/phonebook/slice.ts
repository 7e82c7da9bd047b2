import type { phonebookChannelNames } from '../../../src-preload/contract/phonebook.names'
import type { PhonebookChanged } from '../../../src-preload/types/phonebook'
import type { PbxProfile } from '../../../src-preload/types/profile'
import type { AuditLog } from '../audit'
import type { HandlersOf, InvokeChannelsOf, Slice } from '../slice'
import type { WritableContactSource } from './contact-source'
import { PHONEBOOK_POLICIES } from './policy'
import { PhonebookService } from './service'
import { ImportStaging } from './staging'

type PhonebookChannel = InvokeChannelsOf<typeof phonebookChannelNames>

export interface PhonebookServices {
  /** The local phonebook store, opened on first use (app-core owns and closes it). */
  readonly phonebook: () => WritableContactSource
  /** The seat: the running profile (the built-in demo too), else the stored one. */
  readonly runtimes: { get(profileId: string): { readonly profile: PbxProfile } }
  readonly profiles: { get(id: string): Promise<PbxProfile> }
  readonly audit: AuditLog
  readonly bus: { publish(channel: 'phonebook.changed', payload: PhonebookChanged): void }
}

/** The phonebook (issue 18 item 2): external contacts on this computer, imported, edited, and naming callers. */
export const phonebookSlice = {
  policies: PHONEBOOK_POLICIES,
  handlers: (s: PhonebookServices): HandlersOf<PhonebookChannel> => {
    const service = new PhonebookService({
      source: s.phonebook,
      profiles: {
        get: async (id) => {
          try {
            return s.runtimes.get(id).profile
          } catch {
            return s.profiles.get(id)
          }
        },
      },
      audit: s.audit,
      publish: (change) => {
        s.bus.publish('phonebook.changed', change)
      },
      staging: new ImportStaging(),
    })
    return {
      'phonebook.list': ({ profileId, after, limit }, ctx) => service.page(profileId, after, limit, ctx),
      'phonebook.search': ({ profileId, query, limit }, ctx) => service.search(profileId, query, limit, ctx),
      'phonebook.get': ({ profileId, id }, ctx) => service.get(profileId, id, ctx),
      'phonebook.save': ({ profileId, id, contact }, ctx) => service.save(profileId, id, contact, ctx),
      'phonebook.remove': ({ profileId, id }, ctx) => service.remove(profileId, id, ctx),
      'phonebook.lookup': ({ profileId, number }, ctx) => service.lookup(profileId, number, ctx),
      'phonebook.importStage': (input, ctx) => service.stage(input, ctx),
      'phonebook.importPreview': ({ profileId, importId, mapping }, ctx) => service.preview(profileId, importId, mapping, ctx),
      'phonebook.importCommit': ({ profileId, importId, mapping }, ctx) => service.commit(profileId, importId, mapping, ctx),
      'phonebook.importDiscard': ({ profileId, importId }, ctx) => service.discard(profileId, importId, ctx),
    }
  },
} satisfies Slice<PhonebookServices, PhonebookChannel>
