/**
 * Validation against Microsoft's official Teams manifest schemas as shipped (offline) in
 * @microsoft/app-manifest. The schemas are JSON Schema draft-04, which Ajv 8 supports only through
 * ajv-draft-04: the same validator @microsoft/app-manifest itself uses, so it is loaded from that
 * package's dependencies rather than assumed to be hoisted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const appManifestMain = require.resolve('@microsoft/app-manifest');
const SCHEMA_ROOT = join(dirname(appManifestMain), 'json-schemas', 'teams');
const AjvDraft04 = (
  createRequire(appManifestMain)('ajv-draft-04') as { default: new (options: Options) => Ajv }
).default;

export type TeamsSchema = 'MicrosoftTeams.schema.json' | 'MicrosoftTeams.Localization.schema.json';

export function schemaFolder(manifestVersion: string): string {
  return join(SCHEMA_ROOT, `v${manifestVersion}`);
}

export function compileTeamsSchema(manifestVersion: string, file: TeamsSchema): ValidateFunction {
  const folder = schemaFolder(manifestVersion);
  const path = join(folder, file);
  if (!existsSync(path))
    throw new Error(`no offline Teams schema ${file} for manifest version ${manifestVersion}`);
  const ajv = new AjvDraft04({
    allErrors: true,
    // The official schemas put `additionalProperties` beside `$ref` without `type`, and the
    // localisation schema has patterns that are valid JavaScript regexps only without the u flag.
    strictTypes: false,
    unicodeRegExp: false,
  });
  addFormats(ajv);
  const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  for (const ref of externalRefs(schema)) {
    const target = join(folder, ref.split('#')[0] ?? '');
    if (!existsSync(target)) throw new Error(`${file} refers to ${ref}, which is not in ${folder}`);
    ajv.addSchema(JSON.parse(readFileSync(target, 'utf8')) as object, ref.split('#')[0]);
  }
  return ajv.compile(schema);
}

/** Ajv's errors as readable lines, so that a failing test prints what is wrong and where. */
export function describeErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
  );
}

function externalRefs(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((child) => externalRefs(child, found));
  else if (node !== null && typeof node === 'object') {
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string' && !child.startsWith('#')) found.add(child);
      else externalRefs(child, found);
    }
  }
  return found;
}
