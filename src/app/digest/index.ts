export type { Acknowledged } from './acknowledge-digest';
export type { BuildDigestRequest } from './build-digest';
export type { DigestLogger, DigestServiceDeps } from './context';
export { DigestService } from './digest-service';
export { SERIES_YEARS } from './digest-series';
export { digestFailureText } from './messages';
export type { DigestFailure, DigestOutcome, DigestRefusalCode } from './outcome';
