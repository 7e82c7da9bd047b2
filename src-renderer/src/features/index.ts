import { FeatureList } from '../app/feature-list'
import { adminFeature } from './admin/feature'
import { agentsFeature } from './agents/feature'
import { attentionAddOn } from './attention/feature'
import { callsFeature } from './calls/feature'
import { configFeature } from './config/feature'
import { configPrefetchAddOn } from './config/ConfigPrefetch'
import { historyFeature } from './history/feature'
import { phonebookFeature } from './phonebook/feature'
import { directedPickup } from './pickup/feature'
import { presenceAddOn } from './presence/feature'
import { queuesFeature } from './queues/feature'
import { reportsFeature } from './reports/feature'
import { settingsFeature } from './settings/feature'
import { supervision } from './supervision/feature'
import { voicemailAddOn, voicemailFeature } from './voicemail/feature'
import { wallboardFeature } from './wallboard/feature'

/**
 * Every screen of the console, in sidebar order (the first is shown at start), then the add-ons:
 * features without a screen that add keys and lamp menu entries to the calls screen. A new feature
 * is a folder with a `feature.ts` (see feature.ts), and its import and entry here.
 */
export const FEATURES = new FeatureList(
  [
    callsFeature,
    queuesFeature,
    historyFeature,
    adminFeature,
    configFeature,
    settingsFeature,
    phonebookFeature,
    agentsFeature,
    wallboardFeature,
    reportsFeature,
    voicemailFeature,
  ],
  [directedPickup, attentionAddOn, supervision, presenceAddOn, voicemailAddOn, configPrefetchAddOn],
)
