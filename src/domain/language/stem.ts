/**
 * Snowball stemming for Finnish, Swedish and English. A `Stemmer` is an object its owner holds
 * (a matcher builds one), not module state; its memo is a bounded performance cache only:
 * the same word always has the same stem, so a cleared or missing cache changes no result.
 */
import { newStemmer, type SnowballStemmer } from 'snowball-stemmers';
import type { Lang } from './lang';

const SNOWBALL_ALGORITHM: Readonly<Record<Lang, string>> = { fi: 'finnish', sv: 'swedish', en: 'english' };

export const DEFAULT_STEM_CACHE_SIZE = 5000;

export class Stemmer {
  private readonly snowball: Readonly<Record<Lang, SnowballStemmer>>;
  private readonly cache = new Map<string, string>();

  constructor(private readonly cacheSize: number = DEFAULT_STEM_CACHE_SIZE) {
    this.snowball = {
      fi: newStemmer(SNOWBALL_ALGORITHM.fi),
      sv: newStemmer(SNOWBALL_ALGORITHM.sv),
      en: newStemmer(SNOWBALL_ALGORITHM.en),
    };
  }

  /** The Snowball stem of a lower-case word. */
  stem(word: string, lang: Lang): string {
    const key = `${lang}:${word}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const stemmed = this.snowball[lang].stem(word);
    if (this.cacheSize > 0) {
      // Evict the oldest entry (Map keeps insertion order), so the cache never grows past its bound.
      if (this.cache.size >= this.cacheSize) {
        const oldest = this.cache.keys().next();
        if (oldest.done !== true) this.cache.delete(oldest.value);
      }
      this.cache.set(key, stemmed);
    }
    return stemmed;
  }

  get cachedWords(): number {
    return this.cache.size;
  }
}
