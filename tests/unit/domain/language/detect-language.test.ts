import { CONFIDENT_LANGUAGE, detectLanguage } from '../../../../src/domain/language/detect-language';

describe('detectLanguage', () => {
  test.each([
    ['Kuka hoitaa kotoutumisasiat Kokkolassa?', 'fi'],
    ['Milloin seuraava HYTE-neuvottelu pidetään ja kuka sen valmistelee?', 'fi'],
    ['Mitä sovittiin asumisesta viime kokouksessa?', 'fi'],
    ['kenelle kuuluu ruoka-apu meidän kunnassa', 'fi'],
    ['Vem sköter integrationen i Jakobstad?', 'sv'],
    ['När är nästa möte för samarbetsgruppen?', 'sv'],
    ['Vad gäller för äldreomsorgen i vår kommun?', 'sv'],
    ['Vilken kommun hör till sysselsättningsområdet?', 'sv'],
    ['Who is responsible for housing in Lahti?', 'en'],
    ['When is the next meeting of the negotiating committee?', 'en'],
    ['Which employment area does Iitti belong to?', 'en'],
    ['Is there a contact person for the family centre?', 'en'],
  ])('%s → %s, confidently', (text, lang) => {
    const detected = detectLanguage(text);
    expect(detected.lang).toBe(lang);
    expect(detected.confidence).toBeGreaterThanOrEqual(CONFIDENT_LANGUAGE);
    expect(detected.confidence).toBeLessThanOrEqual(1);
  });

  test.each(['', 'ok', '???', 'HYTE', 'TE24', 'Jyväskylä', 'Karleby', '👍'])(
    '%j gives no confident answer',
    (text) => {
      expect(detectLanguage(text).confidence).toBeLessThan(CONFIDENT_LANGUAGE);
    },
  );

  test('a single function word leans but is not confident', () => {
    for (const [text, lang] of [
      ['kiitos', 'fi'],
      ['tack', 'sv'],
      ['thanks', 'en'],
    ] as const) {
      const detected = detectLanguage(text);
      expect(detected.lang).toBe(lang);
      expect(detected.confidence).toBeGreaterThan(0);
      expect(detected.confidence).toBeLessThan(CONFIDENT_LANGUAGE);
    }
  });

  test('longer input is more certain than shorter input of the same language', () => {
    const short = detectLanguage('kuka vastaa');
    const long = detectLanguage('kuka hoitaa asumisen ja työllisyyden Jyväskylässä');
    expect(long.confidence).toBeGreaterThan(short.confidence);
  });

  test('words shared by two languages weigh less than their own words', () => {
    expect(detectLanguage('i').confidence).toBeLessThan(CONFIDENT_LANGUAGE);
    expect(detectLanguage('vem i').lang).toBe('sv');
    expect(detectLanguage('who is in').lang).toBe('en');
  });

  test('an equal mix of languages is not confident', () => {
    expect(detectLanguage('kuka who vem').confidence).toBeLessThan(CONFIDENT_LANGUAGE);
  });
});
