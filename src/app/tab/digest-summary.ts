/**
 * The situational picture as the tab shows it: the lines of the digest card's plain-text
 * fallback, so the tab and the posted card say the same thing in the same words. The tab lists
 * them itself, so list bullets go, and so does the footer, which speaks of the channel's posts.
 */
import { footerSection } from '../../../cards/digest-acks';
import { renderContext } from '../../../cards/digest-context';
import { renderDigest } from '../../../cards/digest.card';
import type { Digest } from '../../domain/digest';
import type { Locale } from '../../i18n';

/**
 * Less than a posted card: the renderer steps down detail (municipality figures first) to fit,
 * which keeps the largest region's summary to about 70 lines.
 */
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
  const footer = new Set(footerSection(digest, renderContext(locale, digest.timeZone)).lines);
  const [title = '', ...lines] = text
    .split('\n')
    .map((line) => line.trim().replace(/^•\s*/, ''))
    .filter((line) => line.length > 0 && !footer.has(line));
  return { title, compiledAt: new Date(digest.generatedAt).toISOString(), lines };
}
