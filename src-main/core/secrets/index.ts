export { type KeyValueBackend, MemoryKeyValueBackend } from './key-value-backend'
export {
  type SecretBox,
  type SecretBoxStatus,
  type SecretBoxErrorCode,
  SecretBoxError,
  assertSecretName,
  secretStorageKey,
} from './secret-box'
export { FileKeySecretBox } from './file-key-secret-box'
export { SafeStorageSecretBox, type SafeStorageLike, type SafeStorageSecretBoxOptions } from './safe-storage-secret-box'
export { redact, redactDeep } from './redact'
