import { Stemmer } from '../../../../src/domain/language/stem';

describe('Stemmer', () => {
  test('stems Finnish, Swedish and English with Snowball', () => {
    const stemmer = new Stemmer();
    expect(stemmer.stem('jyväskylässä', 'fi')).toBe(stemmer.stem('jyväskylän', 'fi'));
    expect(stemmer.stem('integrationen', 'sv')).toBe('integration');
    expect(stemmer.stem('sysselsättningen', 'sv')).toBe(stemmer.stem('sysselsättning', 'sv'));
    expect(stemmer.stem('services', 'en')).toBe(stemmer.stem('service', 'en'));
    expect(stemmer.stem('families', 'en')).toBe(stemmer.stem('family', 'en'));
  });

  test('the same word in different languages is cached separately', () => {
    const stemmer = new Stemmer();
    expect(stemmer.stem('integrationen', 'en')).not.toBe(stemmer.stem('integrationen', 'sv'));
  });

  test('the cache is bounded and never changes a result', () => {
    const stemmer = new Stemmer(3);
    const first = stemmer.stem('kotoutumisesta', 'fi');
    for (const word of ['a', 'bb', 'ccc', 'dddd', 'eeeee']) stemmer.stem(word, 'fi');
    expect(stemmer.cachedWords).toBe(3);
    expect(stemmer.stem('kotoutumisesta', 'fi')).toBe(first);
  });

  test('a cache size of 0 disables caching', () => {
    const stemmer = new Stemmer(0);
    expect(stemmer.stem('palveluista', 'fi')).toBe(new Stemmer().stem('palveluista', 'fi'));
    expect(stemmer.cachedWords).toBe(0);
  });
});
