/**
 * `npm run package [-- --production] [-- --out path/to/app.zip]`: writes the Teams app package
 * (default build/appPackage.zip) from the environment: MicrosoftAppId, BOT_DOMAIN and
 * TEAMS_APP_ID (required with --production; otherwise derived from MicrosoftAppId).
 * Exit codes: 0 written, 1 settings missing or invalid, 2 wrong usage.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { buildPackage, PackageSettingsError, PACKAGE_ENTRIES, resolveSettings } from './app-package';

const ROOT = join(__dirname, '..');
const USAGE = 'usage: npm run package -- [--production] [--out <file.zip>]';

interface Arguments {
  readonly production: boolean;
  readonly out: string;
}

function parseArguments(argv: readonly string[]): Arguments | string {
  let production = false;
  let out = join(ROOT, 'build', 'appPackage.zip');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--production') production = true;
    else if (arg === '--out' && argv[i + 1]) out = resolve(argv[++i] ?? '');
    else if (arg?.startsWith('--out=') && arg.length > 6) out = resolve(arg.slice(6));
    else return `unknown argument ${JSON.stringify(arg)}\n${USAGE}`;
  }
  return { production, out };
}

function main(): number {
  const args = parseArguments(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`${args}\n`);
    return 2;
  }
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  try {
    const settings = resolveSettings(process.env, { production: args.production, version });
    if (settings.teamsAppIdDerived) {
      process.stderr.write(
        `warning: TEAMS_APP_ID is not set; using ${settings.teamsAppId}, derived from MicrosoftAppId ` +
          '(stable for this bot). Set TEAMS_APP_ID for production packages (--production requires it).\n',
      );
    }
    const zip = buildPackage(settings);
    mkdirSync(dirname(args.out), { recursive: true });
    writeFileSync(args.out, zip);
    process.stdout.write(
      `Wrote ${relative(process.cwd(), args.out) || args.out} (${zip.length} bytes: ${PACKAGE_ENTRIES.join(', ')})\n` +
        `  Teams app id ${settings.teamsAppId}, bot ${settings.botId}, domain ${settings.botDomain}, version ${settings.version}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PackageSettingsError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
