/**
 * The Teams app package: settings from the environment, the manifest rendered from its template,
 * the localisation files and the icons, zipped. Pure apart from reading the files in manifest/.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderColorIcon, renderOutlineIcon } from './icons';
import { createZip } from './zip';

export const MANIFEST_DIR = __dirname;
export const TEMPLATE_FILE = join(MANIFEST_DIR, 'manifest.template.json');
export const LOCALISATION_FILES = ['en.json', 'sv.json'] as const;
/** The entries of the package, in the order they are written. */
export const PACKAGE_ENTRIES = ['manifest.json', ...LOCALISATION_FILES, 'color.png', 'outline.png'] as const;
export type PackageEntry = (typeof PACKAGE_ENTRIES)[number];

export interface PackageSettings {
  readonly teamsAppId: string;
  /** True when TEAMS_APP_ID was not set and the id was derived from MicrosoftAppId. */
  readonly teamsAppIdDerived: boolean;
  readonly botId: string;
  readonly botDomain: string;
  readonly version: string;
}

export interface SettingsOptions {
  /** Production packaging: TEAMS_APP_ID is required and BOT_DOMAIN must be a public name. */
  readonly production: boolean;
  /** The app version, normally package.json's. */
  readonly version: string;
}

export interface SettingsProblem {
  readonly variable: string;
  readonly code: 'PACKAGE_ENV_MISSING' | 'PACKAGE_ENV_INVALID';
  readonly message: string;
}

/** Every problem with the environment at once, so that one run tells all that must be fixed. */
export class PackageSettingsError extends Error {
  readonly code = 'PACKAGE_SETTINGS_INVALID';
  constructor(readonly problems: readonly SettingsProblem[]) {
    super(
      `Cannot build the Teams app package:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n')}`,
    );
    this.name = 'PackageSettingsError';
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const NIL_GUID = '00000000-0000-0000-0000-000000000000';
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)(?:${LABEL}\\.)*${LABEL}$`);
/** The manifest schema's semver: Teams accepts only MAJOR.MINOR.PATCH. */
const SEMVER = /^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$/;
/** A fixed namespace for name-based (v5) app ids, so a derived id never changes between builds. */
const DERIVED_ID_NAMESPACE = '6f1d3c52-8a47-4e0b-9b5e-2f6a3d1c7e90';

export function resolveSettings(
  env: Readonly<Record<string, string | undefined>>,
  options: SettingsOptions,
): PackageSettings {
  const problems: SettingsProblem[] = [];
  const missing = (variable: string, message: string) =>
    problems.push({ variable, code: 'PACKAGE_ENV_MISSING', message });
  const invalid = (variable: string, message: string) =>
    problems.push({ variable, code: 'PACKAGE_ENV_INVALID', message });
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : undefined;
  };
  const guid = (name: string, what: string): string | undefined => {
    const raw = value(name);
    if (raw === undefined) return undefined;
    const id = raw.toLowerCase();
    if (!GUID.test(id)) {
      invalid(name, `${JSON.stringify(raw)} is not a GUID; ${what}`);
      return undefined;
    }
    if (id === NIL_GUID) {
      invalid(name, `the all-zero GUID is not a real id; ${what}`);
      return undefined;
    }
    return id;
  };

  const botId = guid('MicrosoftAppId', "use the bot's Microsoft Entra application (client) id");
  if (value('MicrosoftAppId') === undefined) {
    missing(
      'MicrosoftAppId',
      "not set. The package needs the bot's Microsoft Entra application (client) id, a GUID.",
    );
  }

  let teamsAppId = guid('TEAMS_APP_ID', 'use a GUID that stays the same for every version of the app');
  const teamsAppIdDerived = value('TEAMS_APP_ID') === undefined;
  if (teamsAppIdDerived) {
    if (options.production) {
      missing(
        'TEAMS_APP_ID',
        'not set. A production package needs a fixed Teams app id (a GUID that stays the same for every version).',
      );
    } else if (botId) {
      teamsAppId = deriveTeamsAppId(botId);
    }
  }

  const botDomain = domain(value('BOT_DOMAIN'), options.production, missing, invalid);

  if (!SEMVER.test(options.version)) {
    invalid(
      'version',
      `${JSON.stringify(options.version)} in package.json must be MAJOR.MINOR.PATCH for Teams`,
    );
  }

  if (problems.length > 0 || !teamsAppId || !botId || !botDomain) throw new PackageSettingsError(problems);
  return { teamsAppId, teamsAppIdDerived, botId, botDomain, version: options.version };
}

function domain(
  raw: string | undefined,
  production: boolean,
  missing: (variable: string, message: string) => void,
  invalid: (variable: string, message: string) => void,
): string | undefined {
  const name = 'BOT_DOMAIN';
  if (raw === undefined) {
    missing(
      name,
      "not set. Give the bot's public host name, e.g. yhdyspinta.example.fi (no https://, no path).",
    );
    return undefined;
  }
  const host = raw.toLowerCase();
  if (!HOST_NAME.test(host)) {
    invalid(
      name,
      `${JSON.stringify(raw)} is not a host name. Give only the host, e.g. yhdyspinta.example.fi (no https://, port or path).`,
    );
    return undefined;
  }
  if (production && (host === 'localhost' || host.endsWith('.localhost') || !host.includes('.'))) {
    invalid(name, `${JSON.stringify(raw)} is not a public host name; Teams must reach the tab over https.`);
    return undefined;
  }
  return host;
}

/** A name-based (version 5) UUID: the same bot id always gives the same Teams app id. */
export function deriveTeamsAppId(botId: string): string {
  const namespace = Buffer.from(DERIVED_ID_NAMESPACE.replace(/-/g, ''), 'hex');
  const digest = createHash('sha1')
    .update(namespace)
    .update(`yhdyspinta-bot/teams-app/${botId.toLowerCase()}`, 'utf8')
    .digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The manifest's placeholders and their values. */
export function placeholders(settings: PackageSettings): Readonly<Record<string, string>> {
  return {
    TEAMS_APP_ID: settings.teamsAppId,
    MicrosoftAppId: settings.botId,
    BOT_DOMAIN: settings.botDomain,
    APP_VERSION: settings.version,
  };
}

/**
 * Fills `${NAME}` placeholders in every string of the parsed template (never in the raw text,
 * so a value can never change the JSON's structure). An unknown placeholder is an error.
 */
export function renderManifest(template: unknown, values: Readonly<Record<string, string>>): unknown {
  const fill = (node: unknown): unknown => {
    if (typeof node === 'string') {
      const filled = node.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
        const replacement = values[name];
        if (replacement === undefined) throw new Error(`manifest template: unknown placeholder \${${name}}`);
        return replacement;
      });
      if (filled.includes('${')) throw new Error(`manifest template: malformed placeholder in ${node}`);
      return filled;
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, fill(child)]));
    }
    return node;
  };
  return fill(template);
}

export function readTemplate(): unknown {
  return JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8'));
}

/** The bytes of every file in the package. */
export function buildPackageFiles(settings: PackageSettings): Record<PackageEntry, Buffer> {
  const manifest = renderManifest(readTemplate(), placeholders(settings));
  const localisation = (file: string): Buffer => {
    const bytes = readFileSync(join(MANIFEST_DIR, file));
    JSON.parse(bytes.toString('utf8'));
    return bytes;
  };
  return {
    'manifest.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'),
    'en.json': localisation('en.json'),
    'sv.json': localisation('sv.json'),
    'color.png': renderColorIcon(),
    'outline.png': renderOutlineIcon(),
  };
}

export function buildPackage(settings: PackageSettings): Buffer {
  const files = buildPackageFiles(settings);
  return createZip(PACKAGE_ENTRIES.map((name) => ({ name, data: files[name] })));
}
