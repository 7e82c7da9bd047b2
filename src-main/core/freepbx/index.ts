export {
  FreepbxClient,
  FreepbxGraphqlError,
  type FreepbxClientOptions,
  type FreepbxHealth,
  type GraphqlFailureKind,
  type RestAnswer,
  GQL_PATH,
  REST_PATH,
  rootField,
} from './client'
export { TokenSource, type TokenSourceOptions, TOKEN_PATH } from './token'
export {
  fetchCdrPage,
  fetchCdrRows,
  freepbxCdrRowSchema,
  type FreepbxCdrRow,
  type CdrPage,
  type CdrPageRequest,
  type CdrFetchOptions,
  CDR_PAGE_QUERY,
} from './cdr'
export { TransportError, type TransportErrorCode } from '../net/transport-error'
