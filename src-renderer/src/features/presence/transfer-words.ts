import { tr } from '../../i18n'
import { nameOf, spokenOf } from '../../stores/directory-store'
import { strings } from './strings'

const t = tr(strings)

/**
 * The words of the question before a transfer to an offline or do-not-disturb extension, naming
 * the person as the transfer prompt and the toasts do ("Eva Fischer (118)"): the number alone only
 * where the PBX gives no name.
 */
export function transferQuestionWords(extension: string): { readonly title: string; readonly voicemail: string } {
  const name = nameOf(extension)
  return {
    title: t('transferTo', { who: spokenOf(extension) }),
    voicemail: name === undefined ? t('voicemailOf', { extension }) : t('voicemailOfNamed', { name, extension }),
  }
}
