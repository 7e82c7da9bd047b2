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
export { authorizeIn, type ActionPolicy, type Authorization, type OperatorSeat, type PolicyTable } from './authorize'
export { RateLimiter, type RateLimiterOptions, type RateDecision, type RatePolicy } from './rate-limiter'
export {
  DialBudgets,
  dialRateOf,
  dialSeatKey,
  type DialBudget,
  type DialBudgetsOptions,
  type DialDecision,
  type DialRefusalDetail,
  type DialSeat,
} from './dial-budget'
export { DENY_RANGES, NANP_INTERNATIONAL_AREA_CODES, type DenyRange } from './toll-fraud-tables'
export { DOMESTIC_PREMIUM_TABLES, tollTableFor, type DomesticPremiumTable, type PremiumRange } from './domestic-premium-tables'
export { hasPremiumTable, PREMIUM_TABLE_COUNTRIES } from '../../../src-preload/types/premium-tables'
export { NATIONAL_EMERGENCY_NUMBERS, EU_EEA_CALLING_CODES, emergencyNumbersFor } from './emergency-numbers'
