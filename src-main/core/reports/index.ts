export { ReportsService, type ReportsServiceOptions } from './reports-service'
export { reportsSlice } from './slice'
