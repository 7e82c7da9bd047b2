export { LampPresence, lampPresenceBadge } from './LampPresence'
export { shortSince, sinceWords } from './presence-text'
