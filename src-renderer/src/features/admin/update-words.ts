import type { UpdateState } from '../../../../src-preload/types/updates'

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
      return { label: 'Off', sentence: state.reason, tone: 'muted' }
    case 'checking':
      return { label: 'Checking', sentence: 'Asking the update address for a newer version…', tone: 'muted' }
    case 'current':
      return { label: 'Up to date', sentence: `This is the newest version (checked ${formatTime(state.checkedAt)}).`, tone: 'ok' }
    case 'downloading':
      return { label: 'Downloading', sentence: `Version ${state.version} is being downloaded in the background.`, tone: 'muted' }
    case 'ready':
      return {
        label: 'Downloaded',
        sentence: `Version ${state.version} is downloaded: restart Attendant to install it (it installs when Attendant quits).`,
        tone: 'ok',
      }
    case 'failed':
      return { label: 'Error', sentence: state.message, tone: 'error' }
  }
}

/** Why the typed address cannot be saved, or undefined. `problem` is the shared rule (feedUrlProblem). */
export function feedFieldError(text: string, enabled: boolean, problem: (text: string) => string | undefined): string | undefined {
  if (text === '') return enabled ? 'Name the update address to turn updates on.' : undefined
  return problem(text)
}
