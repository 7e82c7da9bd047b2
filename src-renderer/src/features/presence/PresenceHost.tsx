import { useEffect } from 'react'
import { addDescriber } from '../../components/people-picker'
import { followPresence, presenceLine, presenceOf, usePresenceStore } from '../../stores/presence-store'
import { ForwardDialog, NoteDialog, TransferQuestionDialog } from './PresenceDialogs'

/**
 * Mounted for the app's life: follows the shown PBX's presence, adds its line to every people
 * picker row ("Do not disturb · forwarded to 0171…": forwarding shown at transfer time), and shows
 * the presence dialogs (forwarding, a note, a transfer to confirm).
 */
export function PresenceHost(): React.JSX.Element | null {
  useEffect(() => {
    const stop = followPresence()
    const off = addDescriber((extension) => presenceLine(presenceOf(extension)))
    return () => {
      stop()
      off()
    }
  }, [])
  const editing = usePresenceStore((s) => s.editing)
  const question = usePresenceStore((s) => s.question)
  const close = (): void => {
    usePresenceStore.getState().edit(null)
  }
  if (question !== null) return <TransferQuestionDialog question={question} />
  if (editing?.kind === 'forward') return <ForwardDialog key={editing.extension} extension={editing.extension} onClose={close} />
  if (editing?.kind === 'note') return <NoteDialog key={editing.extension} extension={editing.extension} onClose={close} />
  return null
}
