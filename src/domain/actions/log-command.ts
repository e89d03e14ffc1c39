/**
 * The free-text log command in fi/sv/en turned into a draft for the confirmation form:
 *   "kirjaa toimenpide: päivitetään hyvinvointisuunnitelma, vastuu Jyväskylä, määräaika 31.3.2027"
 *   "logga åtgärd: …, ansvar …, deadline …"  ·  "log action: …, owner …, due 2027-03-31"
 *   "kirjaa päätös: …" (a decision: the whole text is the decision).
 * Comma-separated parts that start with a field word become that field; other parts continue the
 * part before them. Nothing here throws: what cannot be understood becomes a problem.
 */
import { LIMITS } from './limits';
import { parseDate } from './parse-date';
import type { ActionProblem } from './refusal';
import type { ActionLanguage, IsoDate } from './types';
import { checkDecisionText, checkDescription, checkTitle } from './validation';

export type DraftKind = 'action' | 'decision';

export interface LogDraft {
  readonly kind: DraftKind;
  /** The language the command words were in, when they tell. */
  readonly language?: ActionLanguage;
  /** The action's title, or the decision's text. */
  readonly title: string;
  readonly description?: string;
  readonly ownerText?: string;
  readonly dueDate?: IsoDate;
  /** The due date as typed. */
  readonly dueDateText?: string;
  readonly problems: readonly ActionProblem[];
}

export interface ParseOptions {
  /** For dates without a year and for the "in the past" check. */
  readonly today: IsoDate;
}

type Field = 'owner' | 'due' | 'description';

interface Word<T> {
  readonly word: string;
  readonly value: T;
  readonly language: ActionLanguage;
}

const COMMANDS: readonly Word<null>[] = longestFirst([
  { word: 'kirjaa', value: null, language: 'fi' },
  { word: 'kirjaus', value: null, language: 'fi' },
  { word: 'logga', value: null, language: 'sv' },
  { word: 'registrera', value: null, language: 'sv' },
  { word: 'log', value: null, language: 'en' },
  { word: 'record', value: null, language: 'en' },
]);

const KINDS: readonly Word<DraftKind>[] = longestFirst([
  ...['toimenpiteeksi', 'toimenpide', 'tehtäväksi', 'tehtävä'].map((word) => fi(word, 'action')),
  ...['päätökseksi', 'päätös'].map((word) => fi(word, 'decision')),
  ...['åtgärden', 'åtgärd', 'uppgift'].map((word) => sv(word, 'action')),
  ...['beslutet', 'beslut'].map((word) => sv(word, 'decision')),
  ...['as action', 'action item', 'action', 'task'].map((word) => en(word, 'action')),
  ...['as decision', 'decision'].map((word) => en(word, 'decision')),
]);

const FIELDS: readonly Word<Field>[] = longestFirst([
  ...['vastuuhenkilö', 'vastuutaho', 'vastuussa', 'vastuu', 'vastaa', 'omistaja'].map((w) => fi(w, 'owner')),
  ...['ansvarig', 'ansvarar', 'ansvar', 'ägare'].map((w) => sv(w, 'owner')),
  ...['assigned to', 'responsible', 'assignee', 'owner'].map((w) => en(w, 'owner')),
  ...['määräaika', 'määräpäivä', 'eräpäivä', 'takaraja', 'valmis', 'viimeistään'].map((w) => fi(w, 'due')),
  ...['förfallodag', 'slutdatum', 'senast', 'klart'].map((w) => sv(w, 'due')),
  ...['due date', 'deadline', 'due by', 'due', 'by'].map((w) => en(w, 'due')),
  ...['kuvaus', 'lisätiedot'].map((w) => fi(w, 'description')),
  ...['beskrivning'].map((w) => sv(w, 'description')),
  ...['description', 'details'].map((w) => en(w, 'description')),
]);

/** "31.3.2027 mennessä": a date followed by a postposition is a due date. */
const TRAILING_DUE = /^(.*\S)\s+(mennessä|senast|at the latest)$/iu;
/** Words that mean "due" only when a date follows ("by" is also an ordinary word). */
const DATE_ONLY = new Set(['by', 'valmis', 'klart']);

function fi<const T>(word: string, value: T): Word<T> {
  return { word, value, language: 'fi' };
}
function sv<const T>(word: string, value: T): Word<T> {
  return { word, value, language: 'sv' };
}
function en<const T>(word: string, value: T): Word<T> {
  return { word, value, language: 'en' };
}

const AFTER_WORD = /^(?=[\s:=,.;–-]|$)/u;

/** The word list entry the text starts with (longest first), and the text after it. */
function leading<T>(text: string, words: readonly Word<T>[]): { entry: Word<T>; rest: string } | undefined {
  const lower = text.toLowerCase();
  const entry = words.find((w) => lower.startsWith(w.word) && AFTER_WORD.test(lower.slice(w.word.length)));
  return entry && { entry, rest: text.slice(entry.word.length).replace(/^\s*[:=–-]?\s*/u, '') };
}

function longestFirst<T>(words: readonly Word<T>[]): readonly Word<T>[] {
  return [...words].sort((a, b) => b.word.length - a.word.length);
}

interface Part {
  field: Field | 'title';
  text: string;
}

export function parseLogCommand(input: string, options: ParseOptions): LogDraft {
  // Line breaks separate fields like commas do; other runs of white space become one space.
  let rest = input.replace(/[^\S\n]+/g, ' ').trim();
  let language: ActionLanguage | undefined;
  const command = leading(rest, COMMANDS);
  if (command) {
    language = command.entry.language;
    rest = command.rest;
  }
  const kindWord = leading(rest, KINDS);
  const kind: DraftKind = kindWord?.entry.value ?? 'action';
  if (kindWord) {
    language ??= kindWord.entry.language;
    rest = kindWord.rest;
  }
  if (kind === 'decision') {
    const title = rest.trim();
    return { kind, title, problems: checkDecisionText(title), ...(language ? { language } : {}) };
  }
  return actionDraft(rest, language, options);
}

function actionDraft(body: string, language: ActionLanguage | undefined, options: ParseOptions): LogDraft {
  // The first part is the title even when it starts like a field ("vastuu siirtyy kunnalle").
  const [first = '', ...segments] = body.split(/[,;\n]/).map((segment) => segment.trim());
  const parts: Part[] = [{ field: 'title', text: first }];
  let detected = language;
  for (const segment of segments) {
    if (segment === '') continue;
    const field = fieldOf(segment, options);
    if (field) {
      detected ??= field.language;
      parts.push({ field: field.field, text: field.text });
      continue;
    }
    const last = parts[parts.length - 1] as Part;
    if (last.field === 'due' && !parseDate(`${last.text}, ${segment}`, options.today).ok) {
      // Not the year of "March 31, 2027": more of the title, which was interrupted.
      parts.push({ field: 'description', text: segment });
      continue;
    }
    last.text = last.text === '' ? segment : `${last.text}, ${segment}`;
  }
  return draftOf(parts, detected, options);
}

function fieldOf(
  segment: string,
  options: ParseOptions,
): { field: Field; text: string; language: ActionLanguage } | undefined {
  const found = leading(segment, FIELDS);
  if (found && !(DATE_ONLY.has(found.entry.word) && !parseDate(found.rest, options.today).ok)) {
    return { field: found.entry.value, text: found.rest.trim(), language: found.entry.language };
  }
  const trailing = TRAILING_DUE.exec(segment);
  if (trailing && parseDate(trailing[1] ?? '', options.today).ok) {
    const word = (trailing[2] ?? '').toLowerCase();
    return {
      field: 'due',
      text: trailing[1] ?? '',
      language: word === 'senast' ? 'sv' : word === 'mennessä' ? 'fi' : 'en',
    };
  }
  return undefined;
}

function joined(parts: readonly Part[], field: Part['field']): string | undefined {
  const texts = parts.filter((part) => part.field === field && part.text !== '').map((part) => part.text);
  return texts.length > 0 ? texts.join(field === 'description' ? '\n' : ', ') : undefined;
}

function draftOf(
  parts: readonly Part[],
  language: ActionLanguage | undefined,
  options: ParseOptions,
): LogDraft {
  const title = joined(parts, 'title') ?? '';
  const description = joined(parts, 'description');
  const ownerText = joined(parts, 'owner');
  const dueParts = parts.filter((part) => part.field === 'due');
  const dueDateText = dueParts[dueParts.length - 1]?.text;
  const problems: ActionProblem[] = [...checkTitle(title), ...checkDescription(description)];
  if (ownerText !== undefined && [...ownerText].length > LIMITS.ownerText) {
    problems.push({ field: 'owner', code: 'ownerTextTooLong', params: { max: LIMITS.ownerText } });
  }
  let dueDate: IsoDate | undefined;
  if (dueDateText !== undefined) {
    const parsed = parseDate(dueDateText, options.today);
    if (!parsed.ok)
      problems.push({ field: 'dueDate', code: 'dueDateInvalid', params: { text: dueDateText } });
    else {
      dueDate = parsed.date;
      if (dueDate < options.today)
        problems.push({ field: 'dueDate', code: 'dueDatePast', params: { date: dueDate } });
    }
  }
  return {
    kind: 'action',
    title,
    problems,
    ...(language ? { language } : {}),
    ...(description !== undefined ? { description } : {}),
    ...(ownerText !== undefined ? { ownerText } : {}),
    ...(dueDate !== undefined ? { dueDate } : {}),
    ...(dueDateText !== undefined ? { dueDateText } : {}),
  };
}
