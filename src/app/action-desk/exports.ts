/** The forum export files behind their secret token: actions as CSV, deadlines as a calendar. */
import type { ExportFile } from '../export-file';
import type { Locale } from '../../i18n';
import type { ActionService } from '../actions';

const FILES: Record<
  string,
  {
    contentType: string;
    make: (
      actions: ActionService,
      forumId: string,
      locale: Locale,
    ) => ReturnType<ActionService['forumActionsCsv']>;
  }
> = {
  'actions.csv': {
    contentType: 'text/csv; charset=utf-8',
    make: (actions, forumId, locale) => actions.forumActionsCsv(forumId, locale),
  },
  'deadlines.ics': {
    contentType: 'text/calendar; charset=utf-8',
    make: (actions, forumId, locale) => actions.forumDeadlinesIcs(forumId, locale),
  },
};

export type OtherFile = (forumId: string, token: string | undefined) => Promise<ExportFile>;

export function createExports(
  actions: ActionService,
  locale: Locale,
  others: Readonly<Record<string, OtherFile>> = {},
) {
  return async (forumId: string, file: string, token: string | undefined): Promise<ExportFile> => {
    const other = others[file];
    if (other) return other(forumId, token);
    const kind = FILES[file];
    if (!kind) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };
    // The same answer for a wrong token and an unknown forum: the URL reveals nothing.
    if (!token || !(await actions.verifyExportToken(forumId, token))) {
      return { status: 403, contentType: 'text/plain; charset=utf-8', body: 'forbidden' };
    }
    const outcome = await kind.make(actions, forumId, locale);
    if (!outcome.ok) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };
    return { status: 200, contentType: kind.contentType, body: outcome.value };
  };
}
