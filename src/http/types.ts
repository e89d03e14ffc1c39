/** What the HTTP layer needs from the bot surface, without knowing its SDK. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Handles one POST /api/messages; restify's req/res are passed straight through. */
export type MessagesEndpoint = (
  req: IncomingMessage & { body?: unknown },
  res: ServerResponse,
) => Promise<void>;

export interface Readiness {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, string>>;
}

import type { ExportFile } from '../app/export-file';

/** A file for a forum (CSV, calendar), reachable only with the forum's secret export token. */

export type ExportsEndpoint = (
  forumId: string,
  file: string,
  token: string | undefined,
) => Promise<ExportFile>;

/** A trend chart image by its unguessable token. */
export type ChartsEndpoint = (token: string) => Promise<ExportFile | undefined>;
