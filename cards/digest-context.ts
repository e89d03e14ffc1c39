/** What every part of the digest card needs to render, and how much of the digest it shows. */
import type { Locale } from '../src/i18n';
import { digestTranslator, type DigestTranslate } from '../src/i18n/digest-messages';
import type { CardElement } from './adaptive';
import { numberFormats, type NumberFormats } from './digest-format';

export interface DigestRenderContext {
  readonly locale: Locale;
  readonly tr: DigestTranslate;
  readonly numbers: NumberFormats;
  readonly timeZone: string;
  /** Address of an indicator's trend chart, when the caller serves one. */
  readonly chartUrl?: (indicatorId: string) => string | undefined;
}

/**
 * How much the card shows. The full digest for a large region does not fit in one Teams
 * message, so the card steps down through less detailed levels until it fits.
 */
export interface DigestDetail {
  /** Indicators shown; the rest are counted. */
  readonly indicators: number;
  /** Of the indicators shown, how many (from the first) list their municipalities. */
  readonly municipalityIndicators: number;
  readonly charts: boolean;
  /** Items listed per list (actions, decisions, goals); the rest are counted. */
  readonly listItems: number;
  readonly agendaItems: number;
  /** Organisation names listed under acknowledgements. */
  readonly names: number;
  /** Characters of a registry or user text on one line. */
  readonly textLength: number;
}

/** Card elements and text-fallback lines with the same facts. */
export interface Section {
  readonly elements: CardElement[];
  readonly lines: string[];
}

export function renderContext(
  locale: Locale,
  timeZone: string,
  chartUrl?: (indicatorId: string) => string | undefined,
): DigestRenderContext {
  return {
    locale,
    tr: digestTranslator(locale),
    numbers: numberFormats(locale),
    timeZone,
    ...(chartUrl ? { chartUrl } : {}),
  };
}
