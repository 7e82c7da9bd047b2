import { FeatureList } from '../app/feature-list'
import { adminFeature } from './admin/feature'
import { callsFeature } from './calls/feature'
import { historyFeature } from './history/feature'
import { queuesFeature } from './queues/feature'
import { settingsFeature } from './settings/feature'

/**
 * Every screen of the console, in sidebar order; the first is shown at start. A new feature is a
 * folder with a `feature.ts` (see feature.ts), and its import and entry here.
 */
export const FEATURES = new FeatureList([callsFeature, queuesFeature, historyFeature, adminFeature, settingsFeature])
