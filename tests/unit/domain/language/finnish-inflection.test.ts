import { strongGrades, weakGrades } from '../../../../src/domain/language/finnish-gradation';
import {
  compoundModifiers,
  harmonyVowels,
  inflectedForms,
  inflectionStems,
} from '../../../../src/domain/language/finnish-inflection';

describe('consonant gradation', () => {
  test.each([
    ['toivakka', 'toivaka'],
    ['luhanka', 'luhanga'],
    ['lahte', 'lahde'],
    ['turku', 'turu'],
    ['padasjoke', 'padasjoe'],
    ['toholampi', 'toholammi'],
    ['opiskeluhuolto', 'opiskeluhuollo'],
    ['lappeenranta', 'lappeenranna'],
    ['apu', 'avu'],
    ['puku', 'puvu'],
    ['pomarkku', 'pomarku'],
  ])('%s weakens to %s', (strong, weak) => {
    expect(weakGrades(strong)).toContain(weak);
  });

  test.each([
    ['pihtipuda', 'pihtiputa'],
    ['kanga', 'kanka'],
    ['punkalaidu', 'punkalaitu'],
    ['päihde', 'päihte'],
  ])('%s strengthens to %s', (weak, strong) => {
    expect(strongGrades(weak)).toContain(strong);
  });

  test('stems without a gradable consonant do not alternate', () => {
    expect(weakGrades('kokkola')).toEqual([]);
    expect(weakGrades('jyväskylä')).toEqual([]);
    expect(strongGrades('hankasalme')).toEqual([]);
  });
});

describe('vowel harmony', () => {
  test.each([
    ['jyväskylä', ['ä']],
    ['äänekoski', ['a']],
    ['kemi', ['ä']],
    ['kolari', ['a']],
    ['rovaniemi', ['a', 'ä']],
    ['konnevesi', ['a', 'ä']],
  ])('%s takes %j', (word, expected) => {
    expect(harmonyVowels(word)).toEqual(expected);
  });
});

describe('inflectedForms', () => {
  test.each([
    ['kotoutuminen', ['kotoutumisesta', 'kotoutumisen', 'kotoutumiseen', 'kotoutumista']],
    ['opiskeluhuolto', ['opiskeluhuollosta', 'opiskeluhuoltoon', 'opiskeluhuollon']],
    ['hoito', ['hoidosta', 'hoitoon', 'hoidon']],
    ['palvelut', ['palveluista', 'palveluihin', 'palvelujen', 'palveluiden', 'palveluita', 'palvelusta']],
    ['toimitilat', ['toimitiloista', 'toimitiloihin']],
    ['perhekeskus', ['perhekeskuksesta', 'perhekeskuksista', 'perhekeskusten', 'perhekeskukseen']],
    ['työllisyys', ['työllisyyden', 'työllisyyteen', 'työllisyyttä']],
    ['apu', ['avusta', 'apuun']],
    ['päihdetyö', ['päihdetyöstä', 'päihdetyöhön']],
    ['päihteet', ['päihteistä', 'päihteiden']],
    ['kunta', ['kunnassa', 'kuntaan', 'kunnissa', 'kuntien']],
    ['valmius', ['valmiuden', 'valmiuksista']],
    ['liikenne', ['liikenteestä', 'liikenteen']],
  ])('%s (with plural) yields %j', (word, forms) => {
    const generated = inflectedForms(word, { bothNumbers: true });
    for (const form of forms) expect(generated.has(form)).toBe(true);
  });

  test('case of a form is reported', () => {
    const forms = inflectedForms('jyväskylä');
    expect(forms.get('jyväskylä')).toBe('nom');
    expect(forms.get('jyväskylän')).toBe('gen');
    expect(forms.get('jyväskylässä')).toBe('ine');
    expect(forms.get('jyväskylään')).toBe('ill');
  });

  test('place names get only their own number, except -nen names', () => {
    expect(inflectedForms('salo').has('saloissa')).toBe(false);
    expect(inflectedForms('kuhmoinen').has('kuhmoisissa')).toBe(true);
    expect(inflectedForms('virrat').has('virroilla')).toBe(true);
    expect(inflectedForms('virrat').has('virrassa')).toBe(false);
  });

  test('case concord of uusi- and iso- names', () => {
    const forms = inflectedForms('uusikaupunki');
    expect(forms.get('uudessakaupungissa')).toBe('ine');
    expect(forms.get('uudenkaupungin')).toBe('gen');
    expect(forms.get('uuteenkaupunkiin')).toBe('ill');
    expect(forms.has('uudessakaupunkiin')).toBe(false);
    expect(inflectedForms('isokyrö').has('isossakyrössä')).toBe(true);
  });

  test('words without vowels or with digits have only their nominative', () => {
    expect([...inflectedForms('jkl').keys()]).toEqual(['jkl']);
    expect([...inflectedForms('te24').keys()]).toEqual(['te24']);
    expect(inflectionStems('x')).toEqual([{ stem: 'x', endings: [['', 'nom']] }]);
  });

  test('every form is a stem plus one of its endings', () => {
    for (const { stem, endings } of inflectionStems('hankasalmi')) {
      expect(endings.length).toBeGreaterThan(0);
      for (const [suffix] of endings) expect(inflectedForms('hankasalmi').has(stem + suffix)).toBe(true);
    }
  });
});

describe('compoundModifiers', () => {
  test('nominative, genitive and the s-stem of -nen words', () => {
    expect(compoundModifiers('työllisyys')).toEqual(expect.arrayContaining(['työllisyys', 'työllisyyden']));
    expect(compoundModifiers('kotoutuminen')).toEqual(
      expect.arrayContaining(['kotoutuminen', 'kotoutumisen', 'kotoutumis']),
    );
  });
});
