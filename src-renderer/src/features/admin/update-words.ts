import type { UpdateState } from '../../../../src-preload/types/updates'
import { tr } from '../../i18n'
import { strings } from './strings'

const t = tr(strings)

/** Where updating stands, as a short label and a sentence, and the pill's tone. */
export interface StateWords {
  readonly label: string
  readonly sentence: string
  readonly tone: 'ok' | 'error' | 'muted'
}

/** The update state in the words Admin shows (off / checking / up to date / downloaded / error). */
export function updateStateWords(state: UpdateState, formatTime: (iso: string) => string): StateWords {
  switch (state.state) {
    case 'off':
      return { label: t('state.off'), sentence: state.reason, tone: 'muted' }
    case 'checking':
      return { label: t('state.checking'), sentence: t('state.checkingSentence'), tone: 'muted' }
    case 'current':
      return { label: t('state.current'), sentence: t('state.currentSentence', { time: formatTime(state.checkedAt) }), tone: 'ok' }
    case 'downloading':
      return { label: t('state.downloading'), sentence: t('state.downloadingSentence', { version: state.version }), tone: 'muted' }
    case 'ready':
      return { label: t('state.ready'), sentence: t('state.readySentence', { version: state.version }), tone: 'ok' }
    case 'failed':
      return { label: t('state.failed'), sentence: state.message, tone: 'error' }
  }
}

/** Why the typed address cannot be saved, or undefined. `problem` is the shared rule (feedUrlProblem). */
export function feedFieldError(text: string, enabled: boolean, problem: (text: string) => string | undefined): string | undefined {
  if (text === '') return enabled ? t('updates.addressNeeded') : undefined
  return problem(text)
}
