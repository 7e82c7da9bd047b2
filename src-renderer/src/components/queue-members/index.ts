import './queue-members.css'

export { agentsOf, extensionOf, MEMBER_STATUS, type Agent, type AgentQueue } from './agents'
export { AddMemberDialog } from './AddMemberDialog'
export { MembershipDialog, type MembershipTarget } from './MembershipDialog'
export { PauseReasonField } from './PauseReasonField'
