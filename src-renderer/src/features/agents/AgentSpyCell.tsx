import type { SpyMode } from '../../../../src-preload/types/supervision'
import { useActionButton } from '../../actions/action-gate'
import type { Agent } from '../../components/queue-members'
import { tr } from '../../i18n'
import { SPY_MODES, spyModeLabel, type AgentSpy } from './agent-spy'
import { strings } from './strings'

const t = tr(strings)

/** "Listen to David Eze", "Barge in on David Eze": each button's name says whose call, read alone by a screen reader. */
const named = (mode: SpyMode, name: string): string => t(`spy.named.${mode}`, { name })
/** The button's tooltip: what it does, or what it switches this seat's session to. */
const does = (mode: SpyMode, key: string, switching: boolean): string =>
  switching ? t(`spy.switch.${mode}`, { key }) : t(`spy.does.${mode}`, { key })

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
    <span role="group" aria-label={t('spy.group', { name: agent.name })} className="agent-spy-modes">
      {SPY_MODES.map(({ mode, key }) => (
        <button
          key={mode}
          type="button"
          className="small-button"
          aria-label={named(mode, agent.name)}
          aria-pressed={spy.session === undefined ? undefined : spy.session.mode === mode}
          aria-disabled={why === undefined ? undefined : true}
          title={why ?? does(mode, key, spy.session !== undefined)}
          onClick={() => {
            onSpy(mode)
          }}
        >
          {spyModeLabel(mode)}
        </button>
      ))}
    </span>
  )
}
