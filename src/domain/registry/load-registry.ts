/**
 * Registry files (text) → one validated, merged, frozen Registry, or every problem found.
 * A registry that does not load must never start the bot silently wrong, so any error fails the
 * whole load; warnings are for what still works but looks unintended.
 */
import { checkCrossReferences } from './cross-references';
import { IssueCollector, type RegistryIssue } from './issues';
import { parseRegistryDocument, type ParsedDocument, type RegistryDocument } from './parse-document';
import { DEFAULT_TIME_ZONE, REGISTRY_LISTS, SUPPORTED_VERSION, type Registry } from './types';
import { emptyIdSets, emptyLists, validateFile, type FileContent } from './validate-file';

export type LoadRegistryResult =
  | { readonly ok: true; readonly registry: Registry; readonly warnings: readonly RegistryIssue[] }
  | {
      readonly ok: false;
      readonly errors: readonly RegistryIssue[];
      readonly warnings: readonly RegistryIssue[];
    };

/** Files are merged in the order given: top-level lists concatenated. */
export function loadRegistry(documents: readonly RegistryDocument[]): LoadRegistryResult {
  const parsed = new Map<string, ParsedDocument>();
  const issues = new IssueCollector(
    (file, path) => parsed.get(file)?.lineOf(path),
    documents.map((document) => document.file),
  );
  if (documents.length === 0) {
    issues.error({ code: 'REGISTRY_NO_FILES', file: '', path: [], message: 'no registry files to load' });
  }

  const contents: FileContent[] = [];
  let allParsed = true;
  for (const document of documents) {
    const doc = parseRegistryDocument(document, issues);
    if (!doc) {
      allParsed = false;
      continue;
    }
    parsed.set(document.file, doc);
    contents.push(validateFile(doc, issues));
  }

  checkVersions(contents, issues, allParsed);
  const timeZone = checkTimeZones(contents, issues);
  const lists = emptyLists();
  const invalidIds = emptyIdSets();
  for (const content of contents) {
    for (const list of REGISTRY_LISTS) {
      (lists[list] as unknown[]).push(...content.lists[list]);
      content.invalidIds[list].forEach((id) => invalidIds[list].add(id));
    }
  }
  // Without every file, most references into the missing one would be reported as unknown.
  if (allParsed && documents.length > 0) checkCrossReferences(lists, invalidIds, issues);

  if (issues.hasErrors) return { ok: false, errors: issues.errors(), warnings: issues.warnings() };
  const registry: Registry = {
    version: SUPPORTED_VERSION,
    timeZone,
    regions: lists.regions.map((entry) => entry.item),
    organisations: lists.organisations.map((entry) => entry.item),
    people: lists.people.map((entry) => entry.item),
    interfaces: lists.interfaces.map((entry) => entry.item),
    responsibilities: lists.responsibilities.map((entry) => entry.item),
    forums: lists.forums.map((entry) => entry.item),
    meetings: lists.meetings.map((entry) => entry.item),
    agreements: lists.agreements.map((entry) => entry.item),
    goals: lists.goals.map((entry) => entry.item),
    indicators: lists.indicators.map((entry) => entry.item),
  };
  return { ok: true, registry: deepFreeze(registry), warnings: issues.warnings() };
}

function checkVersions(contents: readonly FileContent[], issues: IssueCollector, allParsed: boolean): void {
  let stated = false;
  for (const { file, version } of contents) {
    if (version === undefined) continue;
    if (version === SUPPORTED_VERSION || version === String(SUPPORTED_VERSION)) {
      stated = true;
      continue;
    }
    issues.error({
      code: 'REGISTRY_VERSION',
      file,
      path: ['version'],
      message: `unsupported registry format version ${JSON.stringify(version)}; this bot reads version ${SUPPORTED_VERSION}`,
    });
  }
  const first = contents[0];
  if (!stated && allParsed && first) {
    issues.error({
      code: 'REGISTRY_VERSION',
      file: first.file,
      path: [],
      message: `no file states the format version; add "version: ${SUPPORTED_VERSION}" at the top`,
    });
  }
}

function checkTimeZones(contents: readonly FileContent[], issues: IssueCollector): string {
  let chosen: { zone: string; file: string } | undefined;
  for (const { file, timeZone } of contents) {
    if (timeZone === undefined) continue;
    if (typeof timeZone !== 'string' || !isTimeZone(timeZone)) {
      issues.error({
        code: 'REGISTRY_TIME_ZONE',
        file,
        path: ['timeZone'],
        message: `timeZone ${JSON.stringify(timeZone)} is not an IANA time zone such as Europe/Helsinki`,
      });
    } else if (chosen === undefined) {
      chosen = { zone: timeZone, file };
    } else if (chosen.zone !== timeZone) {
      issues.error({
        code: 'REGISTRY_TIME_ZONE',
        file,
        path: ['timeZone'],
        message: `timeZone "${timeZone}" differs from "${chosen.zone}" in ${chosen.file}; the registry has one time zone`,
      });
    }
  }
  return chosen?.zone ?? DEFAULT_TIME_ZONE;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
