import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recogniseCommand } from '../../../src/app/commands';
import { parseLogCommand } from '../../../src/domain/actions/log-command';
import {
  buildPackageFiles,
  LOCALISATION_FILES,
  MANIFEST_DIR,
  resolveSettings,
  type PackageSettings,
} from '../../../manifest/app-package';
import { compileTeamsSchema, describeErrors, schemaFolder } from './teams-schema';

const ENV = {
  MicrosoftAppId: '3F2504E0-4F89-41D3-9A0C-0305E82C3301',
  TEAMS_APP_ID: '9b2d7c1e-5a4f-4e3b-8c6d-1f0e2a3b4c5d',
  BOT_DOMAIN: 'yhdyspinta.example.fi',
};
const settings: PackageSettings = resolveSettings(ENV, { production: true, version: '1.2.3' });
const files = buildPackageFiles(settings);

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const manifest = JSON.parse(files['manifest.json'].toString('utf8')) as { [key: string]: Json };
const localisations = Object.fromEntries(
  LOCALISATION_FILES.map((file) => [
    file,
    JSON.parse(files[file].toString('utf8')) as Record<string, string>,
  ]),
);

/** Every string in the manifest with its path in the localisation files' notation: `bots[0].scopes[1]`. */
function stringPaths(node: Json, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  if (Array.isArray(node)) return node.flatMap((child, i) => stringPaths(child, `${prefix}[${i}]`));
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, child]) =>
      stringPaths(child, prefix ? `${prefix}.${key}` : key),
    );
  }
  return [];
}

/** What the official localisation schema says can be translated, applied to our manifest. */
function localizableFields(): Map<string, string> {
  const schema = JSON.parse(
    readFileSync(
      join(schemaFolder(String(manifest.manifestVersion)), 'MicrosoftTeams.Localization.schema.json'),
      'utf8',
    ),
  ) as { properties: Record<string, unknown>; patternProperties: Record<string, unknown> };
  const names = new Set(
    Object.keys(schema.properties).filter((key) => key !== '$schema' && key !== 'localizationKeys'),
  );
  const patterns = Object.keys(schema.patternProperties).map((pattern) => new RegExp(pattern));
  return new Map(
    stringPaths(manifest).filter(([path]) => names.has(path) || patterns.some((re) => re.test(path))),
  );
}

describe('the generated manifest', () => {
  it('is on a current schema version (1.17 or newer) with an offline schema', () => {
    const [major, minor] = String(manifest.manifestVersion).split('.').map(Number);
    expect(major).toBe(1);
    expect(minor).toBeGreaterThanOrEqual(17);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('validates against the official Teams manifest schema', () => {
    const validate = compileTeamsSchema(String(manifest.manifestVersion), 'MicrosoftTeams.schema.json');
    validate(manifest);
    expect(describeErrors(validate)).toEqual([]);
  });

  it('has every placeholder filled', () => {
    for (const name of ['manifest.json', ...LOCALISATION_FILES] as const) {
      expect(files[name].toString('utf8')).not.toContain('${');
    }
  });

  it('carries the ids and the domain from the environment', () => {
    const botId = ENV.MicrosoftAppId.toLowerCase();
    expect(manifest).toMatchObject({
      id: ENV.TEAMS_APP_ID,
      version: '1.2.3',
      bots: [{ botId, scopes: ['personal', 'team', 'groupChat'] }],
      composeExtensions: [{ botId }],
      validDomains: [ENV.BOT_DOMAIN],
      webApplicationInfo: { id: botId, resource: `api://${ENV.BOT_DOMAIN}/${botId}` },
    });
  });

  it('points every URL at the bot domain over https', () => {
    const urls = stringPaths(manifest).filter(
      ([path, value]) => path !== '$schema' && /^https?:/i.test(value),
    );
    expect(urls.length).toBeGreaterThan(4);
    for (const [, url] of urls) expect(new URL(url).origin).toBe(`https://${ENV.BOT_DOMAIN}`);
    expect(stringPaths(manifest)).toEqual(
      expect.arrayContaining([
        ['staticTabs[1].contentUrl', `https://${ENV.BOT_DOMAIN}/tab`],
        ['configurableTabs[0].configurationUrl', `https://${ENV.BOT_DOMAIN}/tab/config`],
        ['developer.privacyUrl', `https://${ENV.BOT_DOMAIN}/privacy`],
        ['developer.termsOfUseUrl', `https://${ENV.BOT_DOMAIN}/terms`],
      ]),
    );
  });

  it('is in Finnish by default, with English and Swedish files', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'fi',
      additionalLanguages: [
        { languageTag: 'en', file: 'en.json' },
        { languageTag: 'sv', file: 'sv.json' },
      ],
    });
  });

  it('has one command list per scope', () => {
    const lists = (manifest.bots as { commandLists: { scopes: string[] }[] }[])[0]?.commandLists ?? [];
    expect(lists.map((list) => list.scopes)).toEqual([['personal'], ['team'], ['groupChat']]);
  });

  it('offers the message action "Kirjaa toimenpiteeksi" on messages, with a task module', () => {
    expect(manifest.composeExtensions).toEqual([
      expect.objectContaining({
        commands: [
          expect.objectContaining({
            type: 'action',
            fetchTask: true,
            context: ['message'],
            title: 'Kirjaa toimenpiteeksi',
          }),
        ],
      }),
    ]);
    expect(localisations['en.json']?.['composeExtensions[0].commands[0].title']).toBe('Log as action');
    expect(localisations['sv.json']?.['composeExtensions[0].commands[0].title']).toBe('Logga som åtgärd');
  });

  it('has the personal tab, the channel and chat tab, and shared and private channels', () => {
    expect(manifest.staticTabs).toContainEqual(
      expect.objectContaining({ scopes: ['personal'], name: 'Tilannekuva' }),
    );
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ scopes: ['team', 'groupChat'] })]);
    expect(manifest.supportedChannelTypes).toEqual(
      expect.arrayContaining(['sharedChannels', 'privateChannels']),
    );
  });

  it('has short and full names and descriptions', () => {
    expect(manifest.name).toEqual({ short: expect.any(String), full: expect.any(String) });
    expect(manifest.description).toEqual({ short: expect.any(String), full: expect.any(String) });
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/i);
  });
});

describe.each(LOCALISATION_FILES)('localisation file %s', (file) => {
  const strings = localisations[file] ?? {};

  it('validates against the official Teams localisation schema of the same version', () => {
    expect(strings.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.Localization.schema.json`,
    );
    const validate = compileTeamsSchema(
      String(manifest.manifestVersion),
      'MicrosoftTeams.Localization.schema.json',
    );
    validate(strings);
    expect(describeErrors(validate)).toEqual([]);
  });

  it("translates exactly the manifest's localizable fields", () => {
    const keys = Object.keys(strings).filter((key) => key !== '$schema');
    expect(keys.sort()).toEqual([...localizableFields().keys()].sort());
  });

  it('is a translation, not a copy of the Finnish', () => {
    const fields = localizableFields();
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(strings[key]).not.toBe(fields.get(key));
    }
  });

  it('is byte for byte the file in manifest/', () => {
    expect(files[file].equals(readFileSync(join(MANIFEST_DIR, file)))).toBe(true);
  });
});

describe('command titles', () => {
  // Teams puts a command's title into the compose box: the bot must understand it as typed.
  const intents = ['help', 'question', 'digest', 'logAction', 'logDecision'] as const;
  const languages = { fi: undefined, en: 'en.json', sv: 'sv.json' } as const;
  const fields = localizableFields();

  const cases = [...fields.keys()]
    .map((key) => /^bots\[0\]\.commandLists\[(\d)\]\.commands\[(\d+)\]\.title$/.exec(key))
    .filter((match): match is RegExpExecArray => match !== null)
    .flatMap((match) =>
      (Object.keys(languages) as (keyof typeof languages)[]).map((language) => {
        const file = languages[language];
        const title = file ? localisations[file]?.[match[0]] : fields.get(match[0]);
        return { language, title: title ?? '', intent: intents[Number(match[2])] };
      }),
    );

  it('covers all lists in all languages', () => {
    expect(cases).toHaveLength((3 + 5 + 5) * 3);
  });

  it.each(cases)('$language "$title" is understood as $intent', ({ language, title, intent }) => {
    const command = recogniseCommand(title);
    switch (intent) {
      case 'help':
        expect(command).toMatchObject({ command: 'help', locale: language });
        break;
      case 'question':
        expect(command).toBeUndefined();
        break;
      case 'digest':
        expect([undefined, 'digest']).toContain(command?.command);
        break;
      case 'logAction':
      case 'logDecision':
        expect(parseLogCommand(title, { today: '2026-01-01' })).toMatchObject({
          kind: intent === 'logAction' ? 'action' : 'decision',
          language,
        });
        break;
      default:
        throw new Error(`no intent for ${title}`);
    }
  });
});
