/**
 * Form parts: labelled fields with their error or note beside them, drafts that keep what is
 * typed until it is a value (use-draft.ts), parsers for what a text means (parse.ts). A form is
 * composed of these; `Field` frames any other control.
 */
export { type ControlA11y, Field, type FieldFrameProps } from './Field'
export { CheckField, DraftField, FormError, ListField, NumberField, SelectField, TextAreaField, TextField, WholeNumberField } from './fields'
export { joinList, listOf, type Parse, type Parsed, sameList, splitList, wholeNumber } from './parse'
export { type CommitOn, type DraftEvent, type DraftStep, draftStep } from './draft'
export { type Draft, type DraftOptions, useDraft } from './use-draft'
