import { QuestionAnalyser } from '../../../../src/domain/language/analyse-question';
import { MAX_ANALYSED_CHARS } from '../../../../src/domain/language/normalise';
import { interfaceEntries, registryPlaceEntries } from './fixtures';

const analyser = new QuestionAnalyser(registryPlaceEntries(), interfaceEntries());

describe('QuestionAnalyser', () => {
  test.each([
    ['Kuka on vastuussa kotoutumisesta Laukaassa?', 'fi', 'kunta-410', 'kotoutuminen'],
    ['Kenen tehtävä on työllisyyden hoito Pihtiputaalla?', 'fi', 'kunta-601', 'tyollisyys'],
    ['keneltä kysyn opiskeluhuollosta Toholammilla', 'fi', 'kunta-849', 'opiskeluhuolto'],
    ['Vem ansvarar för äldreomsorgen i Halso?', 'sv', 'kunta-074', 'ikaihmiset'],
    ['Who is in charge of housing in Heinola?', 'en', 'kunta-111', 'asuminen'],
    ['kuka vastaa ruoka-avusta Keski-Suomessa', 'fi', 'keski-suomi', 'ruoka-apu'],
  ])('%s', (question, lang, place, term) => {
    const analysis = analyser.analyse(question);
    expect(analysis.language.lang).toBe(lang);
    expect(analysis.places.map((match) => match.id)).toEqual([place]);
    expect(analysis.terms[0]?.id).toBe(term);
  });

  test('a misspelt place and a misspelt term in one question', () => {
    const analysis = analyser.analyse('kuka hoitaa työlisyyspalvelut kannuksesa');
    expect(analysis.terms[0]?.id).toBe('tyollisyys');
    expect(analysis.places.map((match) => match.id)).toEqual(['kunta-217']);
  });

  test('term tokens are not read as misspelt places, place tokens not as terms', () => {
    const analysis = analyser.analyse('Kuka vastaa palveluverkosta Orimattilassa?');
    expect(analysis.terms[0]?.id).toBe('palveluverkko');
    expect(analysis.terms.every((term) => !term.matchedTokens.includes(3))).toBe(true);
    expect(analysis.places.every((place) => place.start !== 2)).toBe(true);
  });

  test('huge input is cut to the analysed length', () => {
    const analysis = analyser.analyse(`${'x'.repeat(10_000)} Jyväskylässä`);
    expect(analysis.text.length).toBeLessThanOrEqual(MAX_ANALYSED_CHARS);
    expect(analysis.places).toEqual([]);
  });
});
