import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildPackage,
  buildPackageFiles,
  deriveTeamsAppId,
  PACKAGE_ENTRIES,
  PackageSettingsError,
  renderManifest,
  resolveSettings,
  type SettingsProblem,
} from '../../../manifest/app-package';
import { readZip } from './read-zip';

const ROOT = join(__dirname, '..', '..', '..');
const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const APP_ID = '9b2d7c1e-5a4f-4e3b-8c6d-1f0e2a3b4c5d';
const ENV = { MicrosoftAppId: BOT_ID, TEAMS_APP_ID: APP_ID, BOT_DOMAIN: 'yhdyspinta.example.fi' };
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function problemsOf(env: Record<string, string | undefined>, production: boolean, version = '1.0.0') {
  try {
    resolveSettings(env, { production, version });
  } catch (error) {
    expect(error).toBeInstanceOf(PackageSettingsError);
    const settingsError = error as PackageSettingsError;
    expect(settingsError.code).toBe('PACKAGE_SETTINGS_INVALID');
    return settingsError.problems.map(({ variable, code }: SettingsProblem) => `${variable} ${code}`);
  }
  throw new Error('expected a PackageSettingsError');
}

describe('package settings', () => {
  it('takes the ids and the domain from the environment, lower-cased and trimmed', () => {
    const settings = resolveSettings(
      {
        MicrosoftAppId: ` ${BOT_ID.toUpperCase()} `,
        TEAMS_APP_ID: APP_ID,
        BOT_DOMAIN: 'Yhdyspinta.Example.FI',
      },
      { production: true, version: '1.0.0' },
    );
    expect(settings).toEqual({
      teamsAppId: APP_ID,
      teamsAppIdDerived: false,
      botId: BOT_ID,
      botDomain: 'yhdyspinta.example.fi',
      version: '1.0.0',
    });
  });

  it('derives a stable version-5 app id from the bot id for a local build without TEAMS_APP_ID', () => {
    const settings = resolveSettings({ ...ENV, TEAMS_APP_ID: '' }, { production: false, version: '1.0.0' });
    expect(settings.teamsAppIdDerived).toBe(true);
    expect(settings.teamsAppId).toBe(deriveTeamsAppId(BOT_ID));
    expect(settings.teamsAppId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(deriveTeamsAppId(BOT_ID.toUpperCase())).toBe(settings.teamsAppId);
    expect(deriveTeamsAppId('11111111-2222-4333-8444-555555555555')).not.toBe(settings.teamsAppId);
    expect(settings.teamsAppId).not.toBe(BOT_ID);
  });

  it.each([
    [
      'no MicrosoftAppId',
      { ...ENV, MicrosoftAppId: undefined },
      false,
      ['MicrosoftAppId PACKAGE_ENV_MISSING'],
    ],
    [
      'a blank MicrosoftAppId',
      { ...ENV, MicrosoftAppId: '  ' },
      false,
      ['MicrosoftAppId PACKAGE_ENV_MISSING'],
    ],
    [
      'an invalid MicrosoftAppId',
      { ...ENV, MicrosoftAppId: 'my-bot' },
      false,
      ['MicrosoftAppId PACKAGE_ENV_INVALID'],
    ],
    [
      'the all-zero MicrosoftAppId',
      { ...ENV, MicrosoftAppId: '00000000-0000-0000-0000-000000000000' },
      false,
      ['MicrosoftAppId PACKAGE_ENV_INVALID'],
    ],
    [
      'an invalid TEAMS_APP_ID',
      { ...ENV, TEAMS_APP_ID: `{${APP_ID}}` },
      false,
      ['TEAMS_APP_ID PACKAGE_ENV_INVALID'],
    ],
    [
      'no TEAMS_APP_ID in production',
      { ...ENV, TEAMS_APP_ID: undefined },
      true,
      ['TEAMS_APP_ID PACKAGE_ENV_MISSING'],
    ],
    ['no BOT_DOMAIN', { ...ENV, BOT_DOMAIN: undefined }, false, ['BOT_DOMAIN PACKAGE_ENV_MISSING']],
    [
      'a URL as BOT_DOMAIN',
      { ...ENV, BOT_DOMAIN: 'https://bot.example.fi/' },
      false,
      ['BOT_DOMAIN PACKAGE_ENV_INVALID'],
    ],
    [
      'a port in BOT_DOMAIN',
      { ...ENV, BOT_DOMAIN: 'bot.example.fi:3978' },
      false,
      ['BOT_DOMAIN PACKAGE_ENV_INVALID'],
    ],
    [
      'localhost in production',
      { ...ENV, BOT_DOMAIN: 'localhost' },
      true,
      ['BOT_DOMAIN PACKAGE_ENV_INVALID'],
    ],
    [
      'nothing at all in production',
      {},
      true,
      [
        'MicrosoftAppId PACKAGE_ENV_MISSING',
        'TEAMS_APP_ID PACKAGE_ENV_MISSING',
        'BOT_DOMAIN PACKAGE_ENV_MISSING',
      ],
    ],
  ])('refuses %s', (_case, env, production, expected) => {
    expect(problemsOf(env, production)).toEqual(expected);
  });

  it('accepts localhost for a local build', () => {
    expect(
      resolveSettings({ ...ENV, BOT_DOMAIN: 'localhost' }, { production: false, version: '1.0.0' }),
    ).toMatchObject({ botDomain: 'localhost' });
  });

  it('refuses a version Teams does not accept', () => {
    expect(problemsOf(ENV, true, '1.0.0-beta.1')).toEqual(['version PACKAGE_ENV_INVALID']);
  });

  it('names every variable in its message', () => {
    expect(() => resolveSettings({}, { production: true, version: '1.0.0' })).toThrow(
      /MicrosoftAppId: not set[\s\S]*TEAMS_APP_ID: not set[\s\S]*BOT_DOMAIN: not set/,
    );
  });
});

describe('renderManifest', () => {
  it('fills placeholders inside strings only, so a value cannot change the structure', () => {
    const rendered = renderManifest({ a: ['${X}', { b: 'x${X}y' }], n: 1 }, { X: '", "evil": "' });
    expect(rendered).toEqual({ a: ['", "evil": "', { b: 'x", "evil": "y' }], n: 1 });
  });

  it('refuses unknown placeholders', () => {
    expect(() => renderManifest({ a: '${NOPE}' }, {})).toThrow(/unknown placeholder \$\{NOPE\}/);
  });

  it('refuses malformed placeholders', () => {
    expect(() => renderManifest({ a: '${not closed' }, {})).toThrow(/malformed placeholder/);
  });
});

describe('npm run package', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** The packaging script as npm runs it, with only the given variables (nothing leaks in from the shell). */
  function runScript(env: Record<string, string>, args: string[]) {
    return spawnSync(
      process.execPath,
      ['-r', './tests/support/ts-register.js', 'manifest/package.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 20000 },
    );
  }

  it('is the package script of package.json', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts.package).toBe('node -r ./tests/support/ts-register.js manifest/package.ts');
  });

  it('writes exactly the expected entries, whose bytes are the generated files', () => {
    const out = join(dir, 'appPackage.zip');
    const result = runScript(ENV, ['--production', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('appPackage.zip');

    const written = readFileSync(out);
    const entries = readZip(written);
    expect(entries.map((entry) => entry.name)).toEqual([...PACKAGE_ENTRIES]);
    const settings = resolveSettings(ENV, { production: true, version: VERSION });
    const expected = buildPackageFiles(settings);
    for (const entry of entries) {
      expect(entry.data.equals(expected[entry.name as keyof typeof expected])).toBe(true);
    }
    expect(written.equals(buildPackage(settings))).toBe(true);
    for (const entry of entries.filter((e) => e.name.endsWith('.json'))) {
      expect(entry.data.toString('utf8')).not.toContain('${');
    }
  });

  it('warns and derives the app id for a local build without TEAMS_APP_ID', () => {
    const out = join(dir, 'local.zip');
    const result = runScript({ MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'localhost' }, [`--out=${out}`]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(
      /TEAMS_APP_ID is not set; using [0-9a-f-]{36}, derived from MicrosoftAppId/,
    );
    const manifest = readZip(readFileSync(out)).find((entry) => entry.name === 'manifest.json');
    expect(JSON.parse(manifest?.data.toString('utf8') ?? '{}')).toMatchObject({
      id: deriveTeamsAppId(BOT_ID),
    });
  });

  it.each([
    [
      'MicrosoftAppId is missing',
      { TEAMS_APP_ID: APP_ID, BOT_DOMAIN: 'bot.example.fi' },
      [],
      /MicrosoftAppId: not set/,
    ],
    [
      'MicrosoftAppId is invalid',
      { ...ENV, MicrosoftAppId: 'not-a-guid' },
      [],
      /MicrosoftAppId: "not-a-guid" is not a GUID/,
    ],
    ['TEAMS_APP_ID is invalid', { ...ENV, TEAMS_APP_ID: '1234' }, [], /TEAMS_APP_ID: "1234" is not a GUID/],
    [
      'TEAMS_APP_ID is missing with --production',
      { MicrosoftAppId: BOT_ID, BOT_DOMAIN: 'bot.example.fi' },
      ['--production'],
      /TEAMS_APP_ID: not set\. A production package needs a fixed Teams app id/,
    ],
  ])('fails clearly and writes nothing when %s', (_case, env, args, message) => {
    const out = join(dir, 'never.zip');
    const result = runScript(env, [...args, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Cannot build the Teams app package:/);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('refuses unknown arguments', () => {
    const result = runScript(ENV, ['--prod']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('unknown argument "--prod"');
  });
});
