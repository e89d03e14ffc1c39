/** Readable ids: `ANK-2026-014` for actions and `ANK-2026-P003` for decisions of forum ANK. */

export type RecordKind = 'action' | 'decision';

export interface ReadableId {
  readonly kind: RecordKind;
  readonly prefix: string;
  readonly year: number;
  readonly number: number;
}

const DECISION_MARK = 'P';
const PATTERN = /^([A-Z][A-Z0-9]{1,5})-(\d{4})-(P?)(\d{1,6})$/;

export function formatReadableId(id: ReadableId): string {
  const mark = id.kind === 'decision' ? DECISION_MARK : '';
  return `${id.prefix}-${id.year}-${mark}${String(id.number).padStart(3, '0')}`;
}

/** Accepts any letter case and surrounding spaces; undefined for anything else. */
export function parseReadableId(text: string): ReadableId | undefined {
  const match = PATTERN.exec(text.trim().toUpperCase());
  if (!match) return undefined;
  const number = Number(match[4]);
  if (number < 1) return undefined;
  return {
    kind: match[3] === DECISION_MARK ? 'decision' : 'action',
    prefix: match[1] ?? '',
    year: Number(match[2]),
    number,
  };
}
