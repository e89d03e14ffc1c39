/** Test-only readers of the language fixtures and the sample registry's interface catalogue. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { PlaceEntry } from '../../../../src/domain/language/place-names';
import type { TermEntry } from '../../../../src/domain/language/term-matcher';
import { LANGS } from '../../../../src/domain/language/lang';

const ROOT = join(__dirname, '..', '..', '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'language');

/** Splits one CSV line; handles quoted fields with commas and doubled quotes. */
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line.charAt(i + 1) === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(join(FIXTURES, file), 'utf8').trim().split(/\r?\n/);
  const columns = parseCsvLine(header ?? '');
  return lines.map((line) => {
    const fields = parseCsvLine(line);
    return Object.fromEntries(columns.map((column, i) => [column, fields[i] ?? '']));
  });
}

export interface Municipality {
  readonly code: string;
  readonly nameFi: string;
  readonly nameSv: string;
}

export function municipalities(): Municipality[] {
  return readCsv('municipalities.csv').map((row) => ({
    code: row.code ?? '',
    nameFi: row.name_fi ?? '',
    nameSv: row.name_sv ?? '',
  }));
}

export function municipalityEntries(): PlaceEntry[] {
  return municipalities().map(({ code, nameFi, nameSv }) => ({
    id: code,
    names: [...new Set([nameFi, nameSv])],
  }));
}

export interface MunicipalityForms {
  readonly code: string;
  readonly name: string;
  readonly genitive: string;
  readonly locative: string;
  readonly more: readonly string[];
}

export function municipalityForms(): MunicipalityForms[] {
  return readCsv('municipality-forms.csv').map((row) => ({
    code: row.code ?? '',
    name: row.name_fi ?? '',
    genitive: row.genitive ?? '',
    locative: row.locative ?? '',
    more: (row.more ?? '').split(' ').filter((form) => form !== ''),
  }));
}

interface InterfaceYaml {
  readonly id: string;
  readonly name: Partial<Record<string, string>>;
  readonly aliases?: Partial<Record<string, readonly unknown[]>>;
}

/** The interface catalogue of data/registry/interfaces.yaml as term entries (names and aliases per language). */
export function interfaceEntries(): TermEntry[] {
  const catalogue = parse(readFileSync(join(ROOT, 'data', 'registry', 'interfaces.yaml'), 'utf8')) as {
    interfaces: InterfaceYaml[];
  };
  return catalogue.interfaces.map((item) => ({
    id: item.id,
    phrases: LANGS.flatMap((lang) =>
      [item.name[lang], ...(item.aliases?.[lang] ?? [])]
        .filter((text) => text !== undefined && text !== null)
        .map((text) => ({ text: String(text), lang })),
    ),
  }));
}

/** Region and municipality entries of the sample registry (organisations of kind kunta, and regions). */
export function registryPlaceEntries(): PlaceEntry[] {
  const entries: PlaceEntry[] = [];
  for (const file of ['keski-suomi.yaml', 'keski-pohjanmaa.yaml', 'paijat-hame.yaml']) {
    const registry = parse(readFileSync(join(ROOT, 'data', 'registry', file), 'utf8')) as {
      regions?: { id: string; name: Record<string, string> }[];
      organisations?: {
        id: string;
        kind: string;
        name: Record<string, string>;
        shortName?: Record<string, string>;
        aliases?: string[];
      }[];
    };
    for (const region of registry.regions ?? [])
      entries.push({ id: region.id, names: Object.values(region.name) });
    for (const org of registry.organisations ?? []) {
      if (org.kind !== 'kunta') continue;
      entries.push({ id: org.id, names: [...Object.values(org.shortName ?? {}), ...(org.aliases ?? [])] });
    }
  }
  return entries;
}
