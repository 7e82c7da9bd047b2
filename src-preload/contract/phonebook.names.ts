/** The phonebook: external contacts on this computer, their import, and naming callers from them. */
export const phonebookChannelNames = {
  invoke: [
    'phonebook.list',
    'phonebook.search',
    'phonebook.get',
    'phonebook.save',
    'phonebook.remove',
    'phonebook.lookup',
    'phonebook.importStage',
    'phonebook.importPreview',
    'phonebook.importCommit',
    'phonebook.importDiscard',
  ],
  events: ['phonebook.changed'],
  notify: [],
} as const
