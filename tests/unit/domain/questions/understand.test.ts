import { join, resolve } from 'node:path';
import { loadRegistryFromPath } from '../../../../src/adapters/file/registry-source';
import type { ServedRegistry } from '../../../../src/app/served-registry';
import { answer } from '../../../../src/domain/questions/answer';
import { understand } from '../../../../src/domain/questions/understand';

const ROOT = resolve(__dirname, '../../../..');
let served: ServedRegistry;

beforeAll(async () => {
  const loaded = await loadRegistryFromPath(join(ROOT, 'data/registry'));
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  served = loaded.value;
});

const read = (text: string, context: { channelRegionId?: string; lastRegionId?: string } = {}) =>
  understand(served.questions, text, { fallbackLang: 'fi', ...context });

describe('understanding questions', () => {
  it.each([
    ['kuka hoitaa maahanmuuttajien asiat Laukaassa', 'kotoutuminen', '410', 'fi'],
    ['vem sköter elevhälsan i Keuru?', 'opiskeluhuolto', '249', 'sv'],
    ['who is the contact for the family centre in Orimattila?', 'perhekeskus', '560', 'en'],
    ['keneen otan yhteyttä TE24-asioissa Kannuksessa', 'tyollisyys', '217', 'fi'],
  ])('%s', (text, interfaceId, code, lang) => {
    const u = read(text);
    expect(u.intent).toBe('responsibility');
    expect(u.interfaces[0]?.id).toBe(interfaceId);
    expect(u.municipality?.code).toBe(code);
    expect(u.lang).toBe(lang);
    expect(u.regionSource).toBe('municipality');
  });

  it('takes the region from the channel, then from the conversation, in that order', () => {
    expect(
      read('kuka vastaa varautumisesta?', { channelRegionId: 'paijat-hame', lastRegionId: 'keski-suomi' })
        .region?.id,
    ).toBe('paijat-hame');
    expect(read('kuka vastaa varautumisesta?', { lastRegionId: 'keski-suomi' }).regionSource).toBe(
      'conversation',
    );
    expect(
      read('kuka vastaa varautumisesta Kokkolassa?', { channelRegionId: 'paijat-hame' }).region?.id,
    ).toBe('keski-pohjanmaa');
    expect(read('kuka vastaa varautumisesta?').region).toBeUndefined();
  });

  it('recognises forum, membership and member-list questions', () => {
    expect(read('kuka on TYP-johtoryhmän puheenjohtaja?').intent).toBe('forum');
    expect(read('mihin hyvinvointialueeseen Heinola kuuluu?')).toMatchObject({
      intent: 'membership',
      areaKind: 'hyvinvointialue',
    });
    expect(read('vilka kommuner hör till Mellersta Finlands välfärdsområde?').intent).toBe('member-list');
  });

  it('names forums when a word asks about one, or when the caller seeks a forum', () => {
    expect(read('kuka on kotoutumisen yhteistyöryhmän sihteeri?').forumIds[0]).toBe('kotoutumisryhma-ks');
    // A bare forum name asks nothing about a forum: only a caller seeking one gets it.
    expect(read('kotoutumisen yhteistyöryhmä').forumIds).toEqual([]);
    expect(
      understand(served.questions, 'kotoutumisen yhteistyöryhmä', { fallbackLang: 'fi', seeksForum: true })
        .forumIds[0],
    ).toBe('kotoutumisryhma-ks');
  });

  it('does not understand questions about nothing it knows', () => {
    expect(read('mikä on huomisen sää?').intent).toBe('unknown');
    expect(read('').intent).toBe('unknown');
  });
});

describe('answers', () => {
  const clock = { now: Date.parse('2026-11-23T10:00:00Z'), today: '2026-11-23' };

  it('never shows rows past validUntil and marks old confirmations', () => {
    const result = answer(served.index, read('kuka vastaa kotoutumisesta Jyväskylässä?'), clock);
    expect(result.kind).toBe('responsibility');
    if (result.kind !== 'responsibility') return;
    const parties = result.groups.flatMap((group) => group.parties);
    expect(parties.map((p) => p.organisation.id)).toEqual(
      expect.arrayContaining(['kunta-179', 'hva-keski-suomi']),
    );
    expect(
      parties.every((p) => p.possiblyOutdated === (p.confirmed === undefined || p.confirmed < '2025-11-23')),
    ).toBe(true);
    const later = answer(served.index, read('kuka vastaa kotoutumisesta Jyväskylässä?'), {
      now: clock.now,
      today: '2099-01-01',
    });
    expect(later.kind).toBe('responsibility');
  });

  it('asks for the region with every region as an option', () => {
    const result = answer(served.index, read('kuka vastaa kotoutumisesta?'), clock);
    expect(result).toMatchObject({ kind: 'clarify-region' });
    if (result.kind === 'clarify-region') expect(result.regions).toHaveLength(3);
  });

  it('gives the next meeting after now, not a past one', () => {
    const result = answer(served.index, read('milloin on seuraava HYTE-neuvottelu Päijät-Hämeessä?'), {
      now: Date.parse('2027-11-01T00:00:00Z'),
      today: '2027-11-01',
    });
    expect(result.kind).toBe('forum');
    if (result.kind === 'forum') expect(result.forums[0]?.nextMeeting).toBeUndefined();
  });
});
