import { tokenizeText } from '../../../../src/domain/language/normalise';
import { TermMatcher, type TermCandidate } from '../../../../src/domain/language/term-matcher';
import { interfaceEntries } from './fixtures';

const catalogue = new TermMatcher(interfaceEntries());

function candidates(text: string, matcher: TermMatcher = catalogue): TermCandidate[] {
  return matcher.match(tokenizeText(text));
}

function best(text: string, matcher: TermMatcher = catalogue): string | undefined {
  return candidates(text, matcher)[0]?.id;
}

describe('interface catalogue of data/registry/interfaces.yaml', () => {
  test('loads every interface with names and aliases', () => {
    const entries = interfaceEntries();
    expect(entries.length).toBeGreaterThanOrEqual(17);
    expect(entries.every((entry) => entry.phrases.length >= 10)).toBe(true);
  });

  test.each([
    ['Kuka on vastuussa kotoutumisesta meillä?', 'kotoutuminen'],
    ['Mistä saan tietoa maahanmuuttajien palveluista', 'kotoutuminen'],
    ['keneltä kysyn opiskeluhuollosta', 'opiskeluhuolto'],
    ['työllisyyden hoidosta vastaava henkilö', 'tyollisyys'],
    ['kuka hoitaa työttömien asiat', 'tyollisyys'],
    ['työllisyyspalveluista vastaava', 'tyollisyys'],
    ['HYTE-kertoimen laskenta', 'hyte'],
    ['hyvinvoinnin ja terveyden edistämisen yhteyshenkilö', 'hyte'],
    ['perhekeskusten toiminta', 'perhekeskus'],
    ['neuvoloiden aukioloajat', 'perhekeskus'],
    ['lastensuojelun yhteistyö', 'lapset-perheet'],
    ['vanhuspalveluiden kehittäminen', 'ikaihmiset'],
    ['pelastustoimen kanssa yhteistyössä', 'varautuminen'],
    ['häiriötilanteisiin varautuminen', 'varautuminen'],
    ['palveluverkosta ja toimitiloista päättää', 'palveluverkko'],
    ['asunnottomuuden vähentäminen', 'asuminen'],
    ['järjestöavustuksista vastaava', 'jarjestot'],
    ['ruoka-avun koordinointi', 'ruoka-apu'],
    ['ruoka-avusta', 'ruoka-apu'],
    ['joukkoliikenteen vuorot', 'liikenne'],
    ['ehkäisevän päihdetyön suunnitelma', 'ehkaiseva-paihdetyo'],
    ['alueen elinvoimasta', 'elinvoima'],
    ['strategisen johtamisen foorumit', 'johtaminen'],
    ['vem sköter integrationen', 'kotoutuminen'],
    ['kontaktperson för elevhälsan', 'opiskeluhuolto'],
    ['vem ansvarar för familjecentret', 'perhekeskus'],
    ['sysselsättningstjänsterna i regionen', 'tyollisyys'],
    ['beredskapen i kommunen', 'varautuminen'],
    ['who handles employment services', 'tyollisyys'],
    ['elderly care in our town', 'ikaihmiset'],
    ['who runs the family centres', 'perhekeskus'],
    ['food aid contact', 'ruoka-apu'],
    ['who takes care of pupil welfare', 'opiskeluhuolto'],
    ['public transport in the region', 'liikenne'],
  ])('%s → %s', (text, id) => {
    expect(best(text)).toBe(id);
  });
});

describe('inflection and compounds', () => {
  test('inflected Finnish words match their base-form aliases', () => {
    expect(candidates('opiskeluhuollosta')[0]).toMatchObject({ id: 'opiskeluhuolto', matchedTokens: [0] });
    expect(candidates('kotoutumisesta')[0]).toMatchObject({ id: 'kotoutuminen', matchedTokens: [0] });
  });

  test('"työllisyyden hoidosta" matches the two-word alias, better than one word alone', () => {
    const [phrase] = candidates('kuka vastaa työllisyyden hoidosta');
    expect(phrase).toMatchObject({ id: 'tyollisyys', matchedTokens: [2, 3], phrase: 'työllisyyden hoito' });
    const [single] = candidates('kuka vastaa työllisyydestä');
    expect(single?.id).toBe('tyollisyys');
    expect(phrase?.score ?? 0).toBeGreaterThan(single?.score ?? 1);
  });

  test('a compound containing an alias matches, below a direct match', () => {
    const [compound] = candidates('kotoutumisasiat');
    const [direct] = candidates('kotoutuminen');
    expect(compound?.id).toBe('kotoutuminen');
    expect(compound?.score ?? 1).toBeLessThan(direct?.score ?? 0);
    expect(best('lähiliikenteestä')).toBe('liikenne');
  });

  test('clitics are tolerated', () => {
    expect(best('kotoutumisestakin')).toBe('kotoutuminen');
  });
});

describe('abbreviations', () => {
  test.each([
    ['TE24', 'tyollisyys'],
    ['te24:n myötä', 'tyollisyys'],
    ['KOTO24', 'kotoutuminen'],
    ['Koto24:ssä', 'kotoutuminen'],
    ['hyte', 'hyte'],
    ['HYTE:n', 'hyte'],
    ['LAPE-työ', 'lapset-perheet'],
    ['EPT', 'ehkaiseva-paihdetyo'],
    ['typ', 'tyollisyys'],
    ['TYP-johtoryhmä', 'tyollisyys'],
  ])('%s → %s', (text, id) => {
    expect(best(text)).toBe(id);
  });
});

describe('typos', () => {
  test.each([
    ['työlisyyspalvelut', 'tyollisyys'],
    ['opiskeluhuolllosta', 'opiskeluhuolto'],
    ['kotoutumisessta', 'kotoutuminen'],
    ['perhekesukset', 'perhekeskus'],
    ['integrasion', 'kotoutuminen'],
  ])('%s → %s, below an exact match', (text, id) => {
    const [first] = candidates(text);
    expect(first?.id).toBe(id);
    expect(first?.score ?? 1).toBeLessThan(0.9);
  });

  test('short words get no typo tolerance', () => {
    expect(candidates('hyde')).toEqual([]);
  });
});

describe('ranking', () => {
  const synthetic = new TermMatcher([
    { id: 'full', phrases: [{ text: 'ehkäisevä lastensuojelu', lang: 'fi' }] },
    { id: 'part', phrases: [{ text: 'lastensuojelu', lang: 'fi' }] },
    { id: 'other', phrases: [{ text: 'lasten ja nuorten palvelut', lang: 'fi' }] },
  ]);

  test('the full phrase beats one of its words', () => {
    const found = candidates('ehkäisevästä lastensuojelusta', synthetic);
    expect(found.map((candidate) => candidate.id)).toEqual(['full', 'part']);
    expect(found[0]?.score ?? 0).toBeGreaterThan(found[1]?.score ?? 1);
  });

  test('one word of a phrase matches the phrase that is that word', () => {
    expect(best('lastensuojelusta', synthetic)).toBe('part');
  });

  test('a partial phrase is offered as a weaker alternative', () => {
    const found = candidates('nuorten palveluista', synthetic);
    expect(found[0]).toMatchObject({ id: 'other', matchedTokens: [0, 1] });
    expect(found[0]?.score ?? 1).toBeLessThan(1);
  });

  test('function words alone match nothing', () => {
    expect(candidates('ja', synthetic)).toEqual([]);
  });

  test('an ambiguous word yields several ranked candidates for "did you mean"', () => {
    const found = candidates('palveluista');
    expect(found.length).toBeGreaterThan(1);
    for (const candidate of found) expect(candidate.score).toBeLessThan(0.6);
    const scores = found.map((candidate) => candidate.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  test('limit and minScore', () => {
    expect(catalogue.match(tokenizeText('palveluista'), { limit: 2 })).toHaveLength(2);
    expect(catalogue.match(tokenizeText('palveluista'), { minScore: 0.9 })).toEqual([]);
  });
});

describe('no false positives', () => {
  test.each([
    'Kuka vastaa?',
    'hei, kiitos paljon',
    'milloin on seuraava kokous',
    'vem är ordförande',
    'who is the chair',
    'Jyväskylässä ja Hankasalmella',
  ])('%s matches no interface', (text) => {
    expect(candidates(text)).toEqual([]);
  });

  test('skipped tokens never match', () => {
    expect(
      catalogue.match(tokenizeText('kenen vastuulla kotoutuminen'), { skipTokens: new Set([2]) }),
    ).toEqual([]);
  });
});

describe('hyphenated aliases', () => {
  test('match written with a hyphen, a space or as one word', () => {
    for (const text of ['sote-keskuksessa', 'sote keskuksessa', 'sotekeskuksessa']) {
      expect({ text, id: best(text) }).toEqual({ text, id: 'palveluverkko' });
    }
  });
});

describe('skipping phrases that cannot reach the minimum score', () => {
  test('gives exactly the candidates that scoring every phrase and then filtering gives', () => {
    const words = interfaceEntries()
      .flatMap((entry) => entry.phrases.map((phrase) => phrase.text))
      .join(' ')
      .split(/\s+/);
    const questions = [
      'kuka vastaa kotoutumisesta Jyväskylässä',
      'Vem sköter sysselsättningen i Karleby?',
      'who is responsible for student welfare and family centres',
      ...Array.from({ length: 300 }, (_, i) =>
        [0, 1, 2, 3].map((k) => words[(i * 7919 + k * 104729) % words.length] ?? '').join(' '),
      ),
    ];
    for (const minScore of [0.3, 0.45, 0.7]) {
      for (const question of questions) {
        const tokens = tokenizeText(question);
        const pruned = catalogue.match(tokens, { minScore, limit: 1000 });
        const everything = catalogue
          .match(tokens, { minScore: 0, limit: 1000 })
          .filter((candidate) => candidate.score >= minScore);
        expect(pruned).toEqual(everything);
      }
    }
  });
});
