/**
 * The situational picture as the tab shows it: the lines of the digest card's plain-text
 * fallback, so the tab and the posted card say the same thing in the same words.
 */
import { renderDigest } from '../../../cards/digest.card';
import type { Digest } from '../../domain/digest';
import type { Locale } from '../../i18n';

/** A glance, not the whole card: the renderer steps down detail (municipality figures first) to fit. */
const TAB_DIGEST_MAX_BYTES = 24 * 1024;

export interface TabDigest {
  /** The card's heading, in the requested language. */
  readonly title: string;
  /** ISO 8601 date-time. */
  readonly compiledAt: string;
  readonly lines: readonly string[];
}

export function digestSummary(digest: Digest, locale: Locale): TabDigest {
  const { text } = renderDigest(digest, { locale, maxBytes: TAB_DIGEST_MAX_BYTES });
  const [title = '', ...lines] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  return { title, compiledAt: new Date(digest.generatedAt).toISOString(), lines };
}
