export { LampPresence, lampPresenceBadge, useLampSinceShown } from './LampPresence'
export { shortSince, sinceWords } from './presence-text'
