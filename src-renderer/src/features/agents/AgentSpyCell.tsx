import type { SpyMode } from '../../../../src-preload/types/supervision'
import { useActionButton } from '../../actions/action-gate'
import type { Agent } from '../../components/queue-members'
import { SPY_MODES, type AgentSpy } from './agent-spy'

/** "Listen to David Eze", "Barge in on David Eze": each button's name says whose call, read alone by a screen reader. */
const NAMED: Readonly<Record<SpyMode, string>> = { listen: 'Listen to', whisper: 'Whisper to', barge: 'Barge in on' }
const DOES: Readonly<Record<SpyMode, string>> = {
  listen: 'ring your phone to listen to this call',
  whisper: 'ring your phone to talk to the agent only (the caller does not hear you)',
  barge: 'ring your phone into this call (both parties hear you)',
}

/**
 * Listen, Whisper and Barge on an agent's call from the seat's phone. Greyed with the reason when the seat may not (main refuses anyway);
 * during this seat's own session on the call they switch its mode. Nothing for an agent not on a call.
 */
export function AgentSpyCell({
  agent,
  spy,
  onSpy,
}: {
  readonly agent: Pick<Agent, 'name'>
  readonly spy: AgentSpy | undefined
  readonly onSpy: (mode: SpyMode) => void
}): React.JSX.Element | null {
  const off = useActionButton()
  if (spy === undefined) return null
  const why = spy.refused ?? off.title
  return (
    <span role="group" aria-label={`Listen in on ${agent.name}’s call`} className="agent-spy-modes">
      {SPY_MODES.map(({ mode, label, key }) => (
        <button
          key={mode}
          type="button"
          className="small-button"
          aria-label={`${NAMED[mode]} ${agent.name}`}
          aria-pressed={spy.session === undefined ? undefined : spy.session.mode === mode}
          aria-disabled={why === undefined ? undefined : true}
          title={why ?? (spy.session === undefined ? `${label}: ${DOES[mode]} (${key})` : `Switch your session to ${label.toLowerCase()} (${key})`)}
          onClick={() => {
            onSpy(mode)
          }}
        >
          {label}
        </button>
      ))}
    </span>
  )
}
