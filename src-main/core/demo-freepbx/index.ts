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
export { startFreepbxDemoServer, type FreepbxDemoServer } from './server'
export { freepbxDataFromEngine } from './engine-data'
