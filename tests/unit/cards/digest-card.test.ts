/** The digest card with the largest data, validated with the Adaptive Cards library, and its text fallback. */
import { listPayload } from '../../../cards/action-verbs';
import { DIGEST_CARD_MAX_BYTES, detailLevels, renderDigest } from '../../../cards/digest.card';
import { DIGEST_VERBS, parseDigestAction } from '../../../cards/digest-verbs';
import { composeDigest, type Digest } from '../../../src/domain/digest';
import type { RegistryIndex } from '../../../src/domain/registry';
import { LOCALES } from '../../../src/i18n';
import { cardProblems, MAX_CARD_BYTES } from '../../support/card-validator';
import {
  COUNTY,
  FORUM,
  largestInput,
  largestRegistry,
  MEETING,
  seriesFor,
} from '../domain/digest/digest-fixture';

const CHART = (id: string) => `https://bot.example/charts/${id}-0123456789abcdef0123456789abcdef.png`;
const CALENDAR =
  'https://bot.example/forums/neuvottelukunta-ks/meetings.ics?token=0123456789abcdef0123456789abcdef';

let registry: RegistryIndex;
let largest: Digest;
beforeAll(async () => {
  registry = await largestRegistry();
  largest = composeDigest(largestInput(registry));
});

type Json = Record<string, unknown>;

/** Every object in the card, depth first. */
function nodes(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(nodes);
  if (value && typeof value === 'object') {
    return [value as Json, ...Object.values(value as Json).flatMap(nodes)];
  }
  return [];
}

function ofType(card: unknown, type: string): Json[] {
  return nodes(card).filter((node) => node.type === type);
}

describe('the digest card with the largest data (Keski-Suomi, 22 municipalities, 20 indicators, 500 actions)', () => {
  it.each(LOCALES)('is a valid Adaptive Card ≤ 1.5 under 80 KB in %s, with its text fallback', (locale) => {
    const rendered = renderDigest(largest, { locale, chartUrl: CHART, calendarUrl: CALENDAR });
    expect(cardProblems(rendered.card)).toEqual([]);
    const bytes = Buffer.byteLength(JSON.stringify(rendered.card), 'utf8');
    expect(bytes).toBe(rendered.bytes);
    expect(bytes).toBeLessThanOrEqual(DIGEST_CARD_MAX_BYTES);
    expect(bytes).toBeLessThan(MAX_CARD_BYTES);
    expect((rendered.card as Json).fallbackText).toBe(rendered.text);
    // Every indicator is there; municipality figures are the first thing to give way.
    expect(rendered.detail.indicators).toBe(20);
    expect(rendered.detail.municipalityIndicators).toBeGreaterThanOrEqual(10);
  });

  it('steps down to less detail for any budget and never fails to render', () => {
    for (const maxBytes of [80_000, 60_000, 30_000, 15_000, 9_000, 1_000]) {
      const rendered = renderDigest(largest, { locale: 'fi', chartUrl: CHART, maxBytes });
      expect(cardProblems(rendered.card)).toEqual([]);
      expect(Buffer.byteLength(JSON.stringify(rendered.card), 'utf8')).toBe(rendered.bytes);
      if (maxBytes >= 9_000) expect(rendered.bytes).toBeLessThanOrEqual(maxBytes);
      // Acknowledging and the meeting survive every level.
      expect(JSON.stringify(rendered.card)).toContain(DIGEST_VERBS.acknowledge);
      expect(rendered.text).toContain('Neuvottelukunnan syyskokous 2027');
    }
    expect(renderDigest(largest, { locale: 'fi', maxBytes: 1_000_000 }).detail).toEqual(
      [...detailLevels(20)][0],
    );
    const levels = [...detailLevels(20)];
    expect(levels[0]).toMatchObject({ indicators: 20, municipalityIndicators: 20, charts: true });
    expect(levels[levels.length - 1]).toMatchObject({ indicators: 0, charts: false });
  });

  it('collapses the municipalities behind toggles whose targets exist and start hidden', () => {
    const card = renderDigest(largest, { locale: 'fi', chartUrl: CHART }).card;
    const toggles = ofType(card, 'Action.ToggleVisibility');
    expect(toggles.length).toBeGreaterThanOrEqual(10);
    const ids = new Map(
      nodes(card)
        .filter((n) => typeof n.id === 'string')
        .map((n) => [n.id, n]),
    );
    for (const toggle of toggles) {
      for (const target of toggle.targetElements as string[]) expect(ids.get(target)?.isVisible).toBe(false);
    }
    expect(toggles[0]?.title).toBe('Näytä kunnat (22)');
    const facts = ofType(card, 'FactSet').flatMap((set) => set.facts as Json[]);
    expect(facts).toContainEqual({
      title: 'Hankasalmi',
      value: expect.stringMatching(/^\d+,\d (\(\d{4}\) )?[↑↓→]/),
    });
  });

  it('has the acknowledge and refresh Universal Actions, the show-all button and the calendar link', () => {
    const card = renderDigest(largest, {
      locale: 'en',
      calendarUrl: CALENDAR,
      refreshUserIds: ['29:user-a', '29:user-b'],
    }).card as Json;
    const executes = ofType(card, 'Action.Execute');
    const ack = executes.find((a) => a.verb === DIGEST_VERBS.acknowledge);
    expect(ack).toMatchObject({ title: 'Acknowledged', data: { digestId: `${FORUM}:${MEETING}:0` } });
    expect(parseDigestAction(DIGEST_VERBS.acknowledge, ack?.data)).toEqual({
      verb: DIGEST_VERBS.acknowledge,
      payload: { verb: DIGEST_VERBS.acknowledge, digestId: largest.id },
    });
    expect(card.refresh).toEqual({
      action: {
        type: 'Action.Execute',
        verb: DIGEST_VERBS.refresh,
        data: { verb: DIGEST_VERBS.refresh, digestId: largest.id },
      },
      userIds: ['29:user-a', '29:user-b'],
    });
    const showAll = ofType(card, 'Action.Submit').find(
      (a) => (a.data as Json | undefined)?.verb === 'actions.list.v1',
    );
    expect(showAll?.data).toEqual({ verb: 'actions.list.v1', forumId: FORUM, filter: 'open' });
    expect(listPayload.safeParse(showAll?.data).success).toBe(true);
    expect(ofType(card, 'Action.OpenUrl')).toEqual([
      { type: 'Action.OpenUrl', title: 'Meeting calendar', url: CALENDAR },
    ]);
    expect(parseDigestAction(DIGEST_VERBS.acknowledge, { digestId: 'not an id' })).toBeUndefined();
    expect(parseDigestAction('other.v1', { digestId: largest.id })).toBeUndefined();
  });

  it.each([
    ['fi', 'Kuitattu'],
    ['sv', 'Kvitterad'],
    ['en', 'Acknowledged'],
  ] as const)('labels the acknowledge button in %s', (locale, title) => {
    const ack = ofType(renderDigest(largest, { locale }).card, 'Action.Execute').find(
      (a) => a.verb === DIGEST_VERBS.acknowledge,
    );
    expect(ack?.title).toBe(title);
  });

  it('shows a trend chart per indicator only when the caller serves one, with alt text in the language', () => {
    const withCharts = ofType(renderDigest(largest, { locale: 'sv', chartUrl: CHART }).card, 'Image');
    expect(withCharts.length).toBe(20);
    expect(withCharts[0]).toMatchObject({
      url: CHART('vaesto-ks'),
      altText: expect.stringMatching(/^Diagram: .*, åren 2017–2026; senaste värde/),
    });
    const without = renderDigest(largest, { locale: 'sv' });
    expect(ofType(without.card, 'Image')).toEqual([]);
    expect(cardProblems(without.card)).toEqual([]);
  });

  it('never passes registry or user markup through as Markdown', () => {
    const rendered = renderDigest(largest, { locale: 'fi' });
    const texts = nodes(rendered.card).flatMap((n) =>
      [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'),
    );
    const withMarkup = texts.filter((t) => t.includes('lihava'));
    expect(withMarkup.length).toBeGreaterThan(10);
    for (const t of withMarkup) {
      expect(t).toContain('\\*\\*lihava\\*\\* \\[linkki\\](https://evil.example) \\_kursiivi\\_');
    }
    // The text fallback is plain text: the same words, unescaped.
    expect(rendered.text).toContain('**lihava** [linkki](https://evil.example)');
  });
});

describe('the text fallback', () => {
  it('carries the same facts as the card, section by section', async () => {
    const input = largestInput(registry);
    const digest = composeDigest({
      ...input,
      series: new Map([
        ...seriesFor(registry),
        [
          'vaesto-ks',
          (seriesFor(registry, { lastYear: 2022, source: 'snapshot' }).get('vaesto-ks') ?? []).map((s) => ({
            ...s,
            decimals: 0,
          })),
        ],
      ]),
    });
    const { text, detail } = renderDigest(digest, { locale: 'fi', maxBytes: 1_000_000 });
    expect(detail.municipalityIndicators).toBe(20);
    const expected = [
      'Tilannekuva: Kuntien ja hyvinvointialueen neuvottelukunta',
      'Keski-Suomi · koottu 15.9.2027 klo 10.00',
      'Kokous: Neuvottelukunnan syyskokous 2027',
      'Aika: 17.9.2027 klo 13.00–15.30',
      'Paikka: Teams / Jyväskylä, hyvinvointialueen kokoustila',
      'Asialista:',
      '  1. Kohta 1',
      'Tunnusluvut',
      // The population series came from the snapshot: stale and said to be the registry's values.
      '• Väestö (lkm): Keski-Suomen HVA',
      'Tieto on vanhentunut: uusin vuosi on 2022.',
      'Lähde ei vastannut, joten luvut ovat rekisteriin tallennettuja arvoja.',
      '• Työttömät, % työvoimasta (%): Keski-Suomen HVA',
      'Lähde: THL, Sotkanet, tilastovuosi 2026',
      'Kunnat: Hankasalmi',
      'Toimenpiteet',
      'Myöhässä: ',
      'Erääntyy viimeistään kokouspäivänä (17.9.2027): ',
      'Valmistunut edellisen kokouksen (5.5.2027) jälkeen: ',
      'Avoinna yhteensä: 250',
      '(myöhässä)',
      '… ja ',
      'Edellisen kokouksen päätökset',
      'ANK-2027-P001: ',
      'Tavoitteet',
      'Työttömyysaste laskee: Työttömät, % työvoimasta · nyt ',
      'tavoite 11 % viimeistään 31.12.2027',
      'Lakisääteiset neuvottelut',
      'Valtuustokauden 1.6.2025–31.5.2029 neuvottelua',
      'Kuittaukset',
      '2/24 organisaatiota on kuitannut tilannekuvan.',
      'Kuitanneet: Keski-Suomen HVA (Marja Malli), Jyväskylä (Aino Esimerkki)',
      'Kuittaamatta: Keski-Suomen liitto, Hankasalmi',
      'kirjoittamalla "tilannekuva pois"',
    ];
    let from = 0;
    for (const fragment of expected) {
      const at = text.indexOf(fragment, from);
      expect({ fragment, found: at >= 0 }).toEqual({ fragment, found: true });
      from = at;
    }
    const counts = digest.actions;
    expect(text).toContain(`Myöhässä: ${counts.overdue}\n`);
    expect(text).toContain(`(17.9.2027): ${counts.dueBeforeMeeting}\n`);
    expect(text).toContain(`jälkeen: ${counts.doneSincePrevious}\n`);
    expect(text).toContain(`… ja ${counts.attention.total - counts.attention.items.length} muuta`);
  });

  it('says in Swedish and English why the channel gets it and how to stop it', () => {
    expect(renderDigest(largest, { locale: 'sv' }).text).toContain('genom att skriva "lägesbild av"');
    expect(renderDigest(largest, { locale: 'en' }).text).toContain('by typing "situation off"');
  });

  it('reads well with no data: no indicators, no actions, no previous meeting, nobody acknowledged', () => {
    const input = largestInput(registry);
    const digest = composeDigest({
      ...input,
      series: new Map(),
      actions: [],
      decisions: [],
      previousMeeting: undefined,
      acknowledgements: { organisations: {} },
    });
    const rendered = renderDigest(digest, { locale: 'fi' });
    expect(cardProblems(rendered.card)).toEqual([]);
    expect(rendered.text).toContain('Keski-Suomen HVA ei tietoa');
    expect(rendered.text).toContain('Ei myöhässä olevia eikä kokoukseen mennessä erääntyviä toimenpiteitä.');
    expect(rendered.text).toContain('Foorumilla ei ole aiempaa kokousta.');
    expect(rendered.text).toContain('Kukaan ei ole vielä kuitannut.');
    expect(rendered.text).toContain('ei mittaritietoa');
  });

  it('warns of a cancelled or moved meeting', () => {
    const input = largestInput(registry);
    const cancelled = composeDigest({
      ...input,
      meeting: { ...input.meeting, cancelled: true, sequence: 1 },
    });
    expect(renderDigest(cancelled, { locale: 'fi' }).text).toContain('Kokous on peruttu.');
    const moved = composeDigest({ ...input, meeting: { ...input.meeting, sequence: 2 } });
    expect(renderDigest(moved, { locale: 'en' }).text).toContain('The meeting time has changed.');
    expect(moved.id).toBe(`${FORUM}:${MEETING}:2`);
    expect(COUNTY).toBe('hva-keski-suomi');
  });
});
