/**
 * The tab's static files (src/tab and the teams-js browser bundle), read once when the routes are
 * registered so that a missing file stops start-up instead of failing in Teams, and the headers
 * that let Teams, and only the Microsoft 365 hosts, frame them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Microsoft 365 hosts that embed Teams tabs (Teams, Outlook, the Microsoft 365 app). */
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.cloud.microsoft',
] as const;

/**
 * Everything the page needs comes from this server; teams-js also fetches its list of valid
 * host origins from Microsoft's CDN. `form-action 'none'`: the filter form is never submitted.
 */
export const TAB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

export interface TabAsset {
  readonly contentType: string;
  readonly body: Buffer;
}

/** Route path → file, relative to the tab directory unless absolute. */
const FILES: readonly (readonly [route: string, file: string, contentType: string])[] = [
  ['/tab', 'index.html', 'text/html; charset=utf-8'],
  ['/tab/config', 'config.html', 'text/html; charset=utf-8'],
  ['/tab/tab.js', 'tab.js', 'text/javascript; charset=utf-8'],
  ['/tab/tab.css', 'tab.css', 'text/css; charset=utf-8'],
];

export interface TabAssetOptions {
  /** Default: src/tab, found from both src/http (ts) and dist/src/http (compiled). */
  readonly tabDir?: string;
  /** Default: @microsoft/teams-js's minified UMD bundle. */
  readonly teamsJsFile?: string;
}

export function loadTabAssets(options: TabAssetOptions = {}): ReadonlyMap<string, TabAsset> {
  const dir = options.tabDir ?? defaultTabDir();
  const assets = new Map<string, TabAsset>(
    FILES.map(([route, file, contentType]) => [route, { contentType, body: readFileSync(join(dir, file)) }]),
  );
  const teamsJs =
    options.teamsJsFile ?? require.resolve('@microsoft/teams-js/dist/umd/MicrosoftTeams.min.js');
  assets.set('/tab/teams-js.js', {
    contentType: 'text/javascript; charset=utf-8',
    body: readFileSync(teamsJs),
  });
  return assets;
}

function defaultTabDir(): string {
  const beside = join(__dirname, '..', 'tab');
  const fromDist = join(__dirname, '..', '..', '..', 'src', 'tab');
  return existsSync(join(beside, 'index.html')) ? beside : fromDist;
}
