/**
 * The explicit command table: which leading words start which command, per language.
 * Anything that is not a command is a question (who is responsible, forums, structures).
 * A test checks that no word belongs to two commands.
 */
import type { Locale } from '../i18n';

export type CommandId =
  'help' | 'log' | 'actions' | 'export' | 'minutes' | 'digest' | 'meetings' | 'deliveries';

export interface CommandEntry {
  readonly command: CommandId;
  readonly words: Readonly<Record<Locale, readonly string[]>>;
}

export const COMMAND_TABLE: readonly CommandEntry[] = [
  { command: 'help', words: { fi: ['apua', 'ohje', 'ohjeet'], sv: ['hjälp'], en: ['help', '?'] } },
  { command: 'log', words: { fi: ['kirjaa', 'kirjaus'], sv: ['logga'], en: ['log', 'record'] } },
  {
    command: 'actions',
    words: { fi: ['toimenpiteet', 'tehtävät'], sv: ['åtgärder'], en: ['actions', 'tasks'] },
  },
  { command: 'export', words: { fi: ['vienti'], sv: ['exportera'], en: ['export'] } },
  {
    command: 'meetings',
    words: { fi: ['kokous', 'kokoukset'], sv: ['möte', 'möten'], en: ['meeting', 'meetings'] },
  },
  { command: 'deliveries', words: { fi: ['toimitukset'], sv: ['leveranser'], en: ['deliveries'] } },
  { command: 'digest', words: { fi: ['tilannekuva'], sv: ['lägesbild'], en: ['situation', 'digest'] } },
  {
    command: 'minutes',
    words: { fi: ['muistio', 'pöytäkirja'], sv: ['protokoll', 'minnesanteckningar'], en: ['minutes'] },
  },
];

export interface RecognisedCommand {
  readonly command: CommandId;
  readonly locale: Locale;
  /** The text after the command word. */
  readonly rest: string;
}

const lookup = new Map<string, { command: CommandId; locale: Locale }>(
  COMMAND_TABLE.flatMap((entry) =>
    (Object.entries(entry.words) as [Locale, readonly string[]][]).flatMap(([locale, words]) =>
      words.map((word) => [word, { command: entry.command, locale }] as const),
    ),
  ),
);

/** A command is recognised by its first word only (case-insensitive, trailing punctuation ignored). */
export function recogniseCommand(text: string): RecognisedCommand | undefined {
  const trimmed = text.trim();
  const match = /^(\S+)\s*([\s\S]*)$/.exec(trimmed);
  if (!match) return undefined;
  const first = (match[1] ?? '').toLowerCase().replace(/[!.:,;]+$/, '');
  const found = lookup.get(first) ?? (first === '' ? undefined : lookup.get(first.replace(/\?+$/, '')));
  if (!found) return undefined;
  return { command: found.command, locale: found.locale, rest: match[2] ?? '' };
}
