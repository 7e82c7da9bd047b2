import { nameOf, spokenOf } from '../../stores/directory-store'

/**
 * The words of the question before a transfer to an offline or do-not-disturb extension, naming
 * the person as the transfer prompt and the toasts do ("Eva Fischer (118)"): the number alone only
 * where the PBX gives no name.
 */
export function transferQuestionWords(extension: string): { readonly title: string; readonly voicemail: string } {
  const name = nameOf(extension)
  return {
    title: `Transfer to ${spokenOf(extension)}?`,
    voicemail: name === undefined ? `Send to the voicemail of ${extension}` : `Send to ${name}’s voicemail (${extension})`,
  }
}
