export {
  createFreepbxDemoHandler,
  rootFieldName,
  type FreepbxDemoClient,
  type FreepbxDemoCdr,
  type FreepbxDemoData,
  type FreepbxDemoExtension,
  type FreepbxDemoHandler,
  type FreepbxDemoOptions,
  type FreepbxDemoStats,
} from './handler'
export type { FreepbxQuirks, FreepbxVersion } from './gql/context'
export type { ReloadBehaviour, ReloadOutcome } from './reload'
export { startFreepbxDemoServer, type FreepbxDemoServer } from './server'
export { freepbxDataFromEngine } from './engine-data'
export { FreepbxConfig } from '../demo/config/freepbx-config'
export { officeFreepbxConfig, type GeneratedSize } from '../demo/config/office-config'
