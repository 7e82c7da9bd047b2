/** Live state of one PBX profile: reducers, snapshot loading, resync and patch coalescing. */
export { emptyLiveModel, toLiveState, type LiveModel } from './model'
export { reduce, reduceAll, extensionStateName } from './reduce'
export { fromSnapshots, SNAPSHOT_ACTIONS, type LiveSnapshots, type SnapshotItems } from './snapshots'
export { LiveSync, replayStamped, type LiveSyncClient, type LiveSyncOptions, type LiveSyncEvents } from './live-sync'
export {
  PatchCoalescer,
  diffLiveState,
  diffCollection,
  type LiveSink,
  type LiveSubscription,
  type PatchCoalescerOptions,
  type Scheduler,
} from './patch-coalescer'
export { LiveFlowGate, type LiveFlowOptions } from './live-flow'
