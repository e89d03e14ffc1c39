import { tokenizeText } from '../../../../src/domain/language/normalise';
import { PlaceNameMatcher, type PlaceMatch } from '../../../../src/domain/language/place-names';
import { municipalities, municipalityEntries, municipalityForms, registryPlaceEntries } from './fixtures';

const all = new PlaceNameMatcher(municipalityEntries());

function matches(text: string, matcher: PlaceNameMatcher = all): PlaceMatch[] {
  return matcher.match(tokenizeText(text));
}

/** The ids that share the best score (normally exactly one). */
function bestIds(text: string, matcher: PlaceNameMatcher = all): string[] {
  const found = matches(text, matcher);
  const top = found[0]?.score;
  return found.filter((match) => match.score === top).map((match) => match.id);
}

describe('fixtures', () => {
  test('the CSV has all 308 municipalities and the forms table covers each of them', () => {
    const codes = municipalities().map((m) => m.code);
    expect(codes).toHaveLength(308);
    expect(new Set(codes).size).toBe(308);
    expect(municipalityForms().map((row) => row.code)).toEqual(codes);
  });
});

describe('all 308 municipalities: hand-written Finnish forms', () => {
  test.each(municipalityForms())(
    '$code $name: base, genitive, locative and more',
    ({ code, name, genitive, locative, more }) => {
      for (const form of [name, genitive, locative, ...more]) {
        expect({ form, ids: bestIds(form) }).toEqual({ form, ids: [code] });
      }
    },
  );
});

describe('all 308 municipalities: generic checks', () => {
  const rows = municipalities();

  test('each Finnish and Swedish base name matches exactly, with the best score', () => {
    for (const { code, nameFi, nameSv } of rows) {
      for (const name of [nameFi, nameSv]) {
        const [first] = matches(name);
        expect({ name, id: first?.id, kind: first?.kind }).toEqual({ name, id: code, kind: 'exact' });
      }
    }
  });

  test('name + n and name + ssa/ssä for names ending in a, o, u, ä, ö, y after a non-grading consonant', () => {
    // No k, p, t, d, v, g, ng, mm, nn, ll, rr before the last vowel: these never change their stem.
    const plain = rows.filter(
      ({ nameFi }) =>
        /^[\p{L}]+$/u.test(nameFi) && /[aeiouyäö][^aeiouyäökptdvgmnlrh]?[lnrsmhj]?[aouäöy]$/iu.test(nameFi),
    );
    const checked = plain.filter(({ nameFi }) => !/(mm|nn|ll|rr|ng|[kptdvg])[aouäöy]$/i.test(nameFi));
    expect(checked.length).toBeGreaterThan(100);
    for (const { code, nameFi } of checked) {
      const back = /[aou][^äöy]*$/i.test(nameFi);
      for (const form of [`${nameFi}n`, `${nameFi}${back ? 'ssa' : 'ssä'}`]) {
        expect({ form, ids: bestIds(form) }).toEqual({ form, ids: [code] });
      }
    }
  });

  test('Swedish names: genitive -s and after a preposition', () => {
    const swedish = rows.filter(({ nameFi, nameSv }) => nameSv !== nameFi);
    expect(swedish.length).toBeGreaterThan(50);
    for (const { code, nameSv } of swedish) {
      const genitive = /[sxz]$/i.test(nameSv) ? nameSv : `${nameSv}s`;
      expect({ genitive, ids: bestIds(genitive) }).toEqual({ genitive, ids: [code] });
      const [inPhrase] = matches(`vem ansvarar i ${nameSv}?`);
      expect({ nameSv, id: inPhrase?.id }).toEqual({ nameSv, id: code });
    }
  });

  test('every name is found inside a question, at its own tokens', () => {
    for (const { code, nameFi } of rows) {
      const tokens = tokenizeText(`ketkä hoitavat asuntoasiat ${nameFi}`);
      const found = all.match(tokens).filter((match) => match.id === code);
      expect({ nameFi, span: found.map((m) => [m.start, m.end]) }).toEqual({
        nameFi,
        span: [[3, tokens.length]],
      });
    }
  });
});

describe('inflection of the examples', () => {
  test.each([
    ['Jyväskylässä', '179'],
    ['Hankasalmella', '077'],
    ['Hankasalmen', '077'],
    ['Keiteleellä', '239'],
    ['Keiteleen', '239'],
    ['Lahdessa', '398'],
    ['Konnevedellä', '275'],
    ['Pihtiputaalla', '601'],
    ['Kuhmoisissa', '291'],
    ['Kuhmoisten', '291'],
    ['Kuhmoisiin', '291'],
    ['Uuraisissa', '892'],
    ['Kaustisella', '236'],
    ['Luhangassa', '435'],
    ['Toholammilla', '849'],
    ['Padasjoella', '576'],
    ['Kangasalla', '211'],
    ['Pietarsaaressa', '598'],
    ['Kristiinankaupungissa', '287'],
    ['Uudessakaupungissa', '895'],
    ['Iissä', '139'],
    ['Mänttä-Vilppulassa', '508'],
    ['Mänttä Vilppulassa', '508'],
    ['Mänttävilppulassa', '508'],
    ['Pedersören kunnassa', '599'],
    ['Karlebys', '272'],
    ['Helsingfors', '091'],
    ['Åbo', '853'],
    ['Virroilla', '936'],
    ['Virtain', '936'],
    ['Punkalaitumella', '619'],
  ])('%s → %s', (text, code) => {
    expect(bestIds(text)).toEqual([code]);
  });

  test('clitics and possessive suffixes are tolerated', () => {
    for (const [text, code] of [
      ['Jyväskylässäkin', '179'],
      ['Lahdessahan', '398'],
      ['Oulussamme', '564'],
      ['Kokkolassaan', '272'],
      ['Jämsästäkö', '182'],
    ] as const) {
      expect({ text, ids: bestIds(text) }).toEqual({ text, ids: [code] });
    }
  });

  test('inflected forms score a little below the base name', () => {
    const [base] = matches('Jyväskylä');
    const [inflected] = matches('Jyväskylässä');
    expect(base?.score).toBe(1);
    expect(inflected?.score).toBeLessThan(1);
    expect(inflected?.score).toBeGreaterThan(0.9);
  });

  test('a qualifier such as Tl may be left out, for a lower score', () => {
    const [full] = matches('Koski Tl:ssä');
    const [bare] = matches('Kosken');
    expect(full).toMatchObject({ id: '284', start: 0, end: 2 });
    expect(bare).toMatchObject({ id: '284', start: 0, end: 1 });
    expect(bare?.score ?? 1).toBeLessThan(full?.score ?? 0);
  });

  test('users without å ä ö are understood, a little less surely', () => {
    const [folded] = matches('kuka vastaa Jyvaskylassa');
    expect(folded).toMatchObject({ id: '179', kind: 'folded' });
    expect(folded?.score ?? 1).toBeLessThan(0.9);
    expect(bestIds('Hameenlinnassa')).toEqual(['109']);
  });
});

describe('typos', () => {
  test.each([
    ['Orimatilassa', '560'],
    ['laukaasa', '410'],
    ['Jyväskylsä', '179'],
    ['Hankasalmela', '077'],
    ['Pelkosenniemelä', '583'],
    ['Kristinankaupungisa', '287'],
    ['Äänekoskela', '992'],
  ])('%s → %s as a fuzzy match', (text, code) => {
    const [first] = matches(text);
    expect(first).toMatchObject({ id: code, kind: 'fuzzy' });
    expect(first?.score ?? 1).toBeLessThan(0.8);
  });

  test('short names get no typo tolerance', () => {
    expect(matches('Kemmissä')).toEqual([]);
    expect(matches('Porrissa')).toEqual([]);
    expect(matches('Sallo')).toEqual([]);
  });

  test('the fallback can be switched off', () => {
    expect(all.match(tokenizeText('Orimatilassa'), { fuzzy: false })).toEqual([]);
  });
});

describe('false positives', () => {
  // Ordinary words of questions to the bot, in real inflected forms (fi, sv, en).
  const ordinary = [
    'kuka ketkä kenelle keneen kenen kenet mikä mitkä mitä missä mistä mihin milloin miten miksi onko',
    'vastaa vastaavat vastaava vastuussa vastuuhenkilö hoitaa hoitaa hoito hoidosta hoitoon hoidon kuuluu',
    'koordinoi koordinoija päättää päättävät päätöksistä otan otetaan yhteyttä yhteyshenkilö yhteystiedot',
    'alue alueella alueen alueelle alueeseen alueet alueiden kunta kunnassa kunnan kunnat kuntien kunnille',
    'kaupunki kaupungissa kaupungin kaupungit hyvinvointialue hyvinvointialueella hyvinvointialueen',
    'maakunta maakunnassa maakunnan liitto liiton seutu seudulla seuraava seuraavan seuraavaksi kokous',
    'kokouksessa kokouksen neuvottelu neuvottelussa neuvottelun sihteeri sihteerinä puheenjohtaja',
    'työllisyys työllisyyden työllisyyspalvelut kotoutuminen kotoutumisesta opiskeluhuolto opiskeluhuollosta',
    'palvelu palvelut palveluista palvelujen asia asiat asioista asiassa tieto tietoa tiedot tiedon',
    'sopimus sopimuksessa tavoite tavoitteet toimenpide toimenpiteet mittari mittarit vuosi vuonna tänään',
    'huomenna kiitos hei moi terve apua ohje lista näytä kerro haluan haluaisin tarvitsen voisitko',
    'asuminen asumisesta liikenne liikenteestä ruoka-apu ruoka-avusta järjestöt järjestöjen ikäihmiset',
    'lapset lasten nuoret nuorten perheet perheiden koulu koulussa neuvola perhekeskus varautuminen',
    'vem vilken vilket vilka var vad när hur och i för på av med till om är ansvarar sköter samordnar',
    'kontaktperson nästa möte kommun kommunen stad staden region regionen välfärdsområde sysselsättning',
    'who what which where when how is are the for in of on responsible contact next meeting municipality',
    'city region county services employment integration housing thanks please help',
  ]
    .join(' ')
    .split(' ');

  test('no ordinary question word matches any of the 308 municipalities', () => {
    const hits = ordinary.flatMap((word) => matches(word).map((match) => `${word} → ${match.name}`));
    expect(hits).toEqual([]);
  });

  test('not even with the common-word guard switched off', () => {
    const unguarded = new PlaceNameMatcher(municipalityEntries(), { commonWords: [] });
    const hits = ordinary.flatMap((word) =>
      matches(word, unguarded).map((match) => `${word} → ${match.name}`),
    );
    expect(hits).toEqual([]);
  });

  test('questions without a place find none', () => {
    for (const question of [
      'Kenen vastuulla kotoutuminen on?',
      'Kenelle kuuluu työllisyyden hoito meidän alueella?',
      'Vilken myndighet sköter sysselsättningen hos oss?',
      'Who is responsible for housing in the county?',
      'milloin on seuraava HYTE-neuvottelu ja kuka on sihteeri',
    ]) {
      expect({ question, found: matches(question) }).toEqual({ question, found: [] });
    }
  });

  test('a bare two-letter name is matched less surely than its inflected forms', () => {
    const [bare] = matches('ii');
    const [inflected] = matches('Iissä');
    expect(bare?.score ?? 1).toBeLessThan(0.8);
    expect(inflected?.score ?? 0).toBeGreaterThan(0.9);
  });
});

describe('regions and multi-word names (sample registry)', () => {
  const registry = new PlaceNameMatcher(registryPlaceEntries());

  test.each([
    ['Asumisen vastuut Keski-Suomessa', 'keski-suomi'],
    ['Keski-Suomen hyvinvointialue', 'keski-suomi'],
    ['HYTE Päijät-Hämeessä', 'paijat-hame'],
    ['Päijät-Hämeen liitto', 'paijat-hame'],
    ['Keski-Pohjanmaalla', 'keski-pohjanmaa'],
    ['Keski-Pohjanmaan alueneuvottelukunta', 'keski-pohjanmaa'],
    ['beredskapsplanen för Mellersta Finland', 'keski-suomi'],
    ['Mellersta Österbottens välfärdsområde', 'keski-pohjanmaa'],
    ['Päijänne-Tavastlands förbund', 'paijat-hame'],
    ['transport across Central Ostrobothnia', 'keski-pohjanmaa'],
    ['Kokkolan asumisasiat', 'kunta-272'],
    ['Vetil', 'kunta-924'],
    ['Jkl', 'kunta-179'],
  ])('%s → %s', (text, id) => {
    expect(bestIds(text, registry)).toEqual([id]);
  });

  test('only the whole multi-word name matches', () => {
    expect(matches('Suomessa', registry)).toEqual([]);
    expect(matches('keski', registry)).toEqual([]);
    expect(matches('Hämeessä', registry)).toEqual([]);
  });

  test('positions cover the tokens of the name', () => {
    expect(registry.match(tokenizeText('kuka Mellersta Österbottens sekreterare'))).toEqual([
      expect.objectContaining({ id: 'keski-pohjanmaa', start: 1, end: 3 }),
    ]);
  });

  test('a name inside a longer name is dropped', () => {
    const matcher = new PlaceNameMatcher([
      { id: 'ks', names: ['Keski-Suomi'] },
      { id: 'pks', names: ['Pohjoinen Keski-Suomi'] },
    ]);
    expect(matcher.match(tokenizeText('Pohjoinen Keski-Suomi'))).toEqual([
      expect.objectContaining({ id: 'pks', start: 0, end: 2 }),
    ]);
    expect(matcher.match(tokenizeText('Keski-Suomessa'))).toEqual([
      expect.objectContaining({ id: 'ks', start: 0, end: 1 }),
    ]);
  });

  test('skipped tokens never match', () => {
    const tokens = tokenizeText('kuka vastaa Jyväskylässä');
    expect(registry.match(tokens, { skipTokens: new Set([2]) })).toEqual([]);
  });

  test('an empty matcher and empty input find nothing', () => {
    expect(new PlaceNameMatcher([]).match(tokenizeText('Jyväskylässä'))).toEqual([]);
    expect(registry.match([])).toEqual([]);
  });
});
