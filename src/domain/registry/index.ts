export * from './types';
export type { RegistryIssue, RegistryIssueCode } from './issues';
export type { RegistryDocument } from './parse-document';
export { loadRegistry, type LoadRegistryResult } from './load-registry';
export { RegistryIndex } from './registry-index';
export { formatIssue, formatIssues, RegistryLoadError } from './format-issues';
export { allVersions, pick, type TextLang } from './localised';
