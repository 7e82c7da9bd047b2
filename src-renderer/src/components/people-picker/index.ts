export { PeoplePicker, type PeoplePickerProps } from './PeoplePicker'
export { addContactSource, addDescriber, peopleFor, type ContactSource, type Describer, type PersonRow } from './people-model'
