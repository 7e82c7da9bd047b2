export {
  judgeDestination,
  matchesExtensionPattern,
  isNanpInternationalAreaCode,
  type DestinationJudgement,
  type DestinationRule,
  type AllowRule,
  type RefusalRule,
  type Verdict,
} from './judge-destination'
export { authorize, isGuardedAction, ACTION_POLICY, type GuardedAction, type Authorization, type OperatorSeat } from './authorize'
export { RateLimiter, DEFAULT_DIAL_RATE, type RateLimiterOptions, type RateDecision } from './rate-limiter'
export { DENY_RANGES, NANP_INTERNATIONAL_AREA_CODES, DEFAULT_EMERGENCY_NUMBERS, type DenyRange } from './toll-fraud-tables'
