/**
 * Debian's headless Chromium, driven with playwright-core, for the tab's browser test and the e2e
 * suite: the executable check and the launch with a throw-away profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type ViewportSize } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Fails with the reason, never skips, when Chromium is missing. `suite` names who needs it, e.g.
 * "the e2e suite". Call it first in beforeAll, before starting any servers.
 */
export function requireChromium(suite: string): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: ${suite} needs Debian's Chromium (apt-get install -y chromium)`);
  }
}

export interface HeadlessChromium {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Launches headless Chromium with a fresh profile in a temp directory named `${profilePrefix}XXXXXX`. */
export async function launchChromium(
  profilePrefix: string,
  viewport: ViewportSize,
): Promise<HeadlessChromium> {
  const profile = mkdtempSync(join(tmpdir(), profilePrefix));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport,
      args: ARGS,
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  return {
    context,
    async close() {
      await context.close();
      removeProfile();
    },
  };
}
