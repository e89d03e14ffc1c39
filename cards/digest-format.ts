/**
 * Figures as each language writes them (fi "145 887", "7,5"; en "145,887", "7.5"), changes with
 * their sign and an arrow. Number formats are made once per rendering: making one is slow
 * enough to matter when a digest shows hundreds of figures.
 */
import type { ChangeVerdict, IndicatorTrend, YearChange } from '../src/domain/digest';
import type { Locale } from '../src/i18n';

const LOCALE_TAGS: Record<Locale, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

export interface NumberFormats {
  /** `decimals` fixed when given; otherwise at most one decimal. */
  value(value: number, decimals?: number): string;
  /** With a sign: "+1 414", "−0,4". */
  signed(value: number, decimals?: number): string;
}

export function numberFormats(locale: Locale): NumberFormats {
  const made = new Map<string, Intl.NumberFormat>();
  const format = (decimals: number | undefined, signed: boolean): Intl.NumberFormat => {
    const key = `${decimals ?? '-'}${signed ? '+' : ''}`;
    let formatter = made.get(key);
    if (!formatter) {
      formatter = new Intl.NumberFormat(LOCALE_TAGS[locale], {
        minimumFractionDigits: decimals ?? 0,
        maximumFractionDigits: decimals ?? 1,
        ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
      });
      made.set(key, formatter);
    }
    return formatter;
  };
  return {
    value: (value, decimals) => format(decimals, false).format(value),
    signed: (value, decimals) => format(decimals, true).format(value),
  };
}

export const ARROWS = { up: '↑', down: '↓', flat: '→' } as const;

/** "↑ +1 414 (+1 %)"; the percent only when the previous value was not zero. */
export function changeText(change: YearChange, numbers: NumberFormats, decimals?: number): string {
  const percent = change.percent === undefined ? '' : ` (${numbers.signed(change.percent)} %)`;
  return `${ARROWS[change.direction]} ${numbers.signed(change.absolute, decimals)}${percent}`;
}

/** The compact form for a municipality: "↓ −1,8 %", or the absolute change without a percent. */
export function shortChangeText(change: YearChange, numbers: NumberFormats, decimals?: number): string {
  if (change.direction === 'flat') return ARROWS.flat;
  const amount =
    change.percent === undefined
      ? numbers.signed(change.absolute, decimals)
      : `${numbers.signed(change.percent)} %`;
  return `${ARROWS[change.direction]} ${amount}`;
}

/** "7,5 %" or "892 /100 000": a value with the indicator's unit. */
export function withUnit(value: string, unit: string): string {
  return unit === '' ? value : `${value} ${unit}`;
}

export function trendValue(trend: IndicatorTrend, numbers: NumberFormats, decimals?: number): string {
  return numbers.value(trend.latest.value, decimals);
}

export type CardColor = 'Default' | 'Good' | 'Attention' | 'Warning';

export function verdictColor(verdict: ChangeVerdict | undefined): CardColor {
  if (verdict === 'good') return 'Good';
  if (verdict === 'bad') return 'Attention';
  return 'Default';
}

/** Shortens long registry or user text for a card line; the text fallback keeps more. */
export function clip(value: string, max: number): string {
  const single = value.replace(/\s+/g, ' ').trim();
  return single.length <= max ? single : `${single.slice(0, max - 1).trimEnd()}…`;
}
