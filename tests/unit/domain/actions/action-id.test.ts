import {
  assignPrefixes,
  formatReadableId,
  parseReadableId,
  prefixCandidates,
} from '../../../../src/domain/actions';
import type { Forum } from '../../../../src/domain/registry';

const forum = (id: string, extra: Record<string, unknown> = {}): Forum =>
  ({ id, name: { fi: id }, kind: 'muu', region: 'r', secretaries: [], members: [], ...extra }) as Forum;

describe('readable ids', () => {
  it('formats actions and decisions with a zero-padded number', () => {
    expect(formatReadableId({ kind: 'action', prefix: 'ANK', year: 2026, number: 14 })).toBe('ANK-2026-014');
    expect(formatReadableId({ kind: 'action', prefix: 'ANK', year: 2026, number: 1234 })).toBe(
      'ANK-2026-1234',
    );
    expect(formatReadableId({ kind: 'decision', prefix: 'HNK', year: 2027, number: 3 })).toBe(
      'HNK-2027-P003',
    );
  });

  it('parses what people type, in any case', () => {
    expect(parseReadableId(' ank-2026-014 ')).toEqual({
      kind: 'action',
      prefix: 'ANK',
      year: 2026,
      number: 14,
    });
    expect(parseReadableId('HNK-2027-P003')).toEqual({
      kind: 'decision',
      prefix: 'HNK',
      year: 2027,
      number: 3,
    });
    expect(parseReadableId('ank-2026-14')).toMatchObject({ number: 14 });
    for (const text of ['ANK-26-014', 'ANK2026014', 'A-2026-014', 'ANK-2026-000', '', 'ANK-2026-014; DROP']) {
      expect(parseReadableId(text)).toBeUndefined();
    }
  });
});

describe('forum prefixes', () => {
  it('derives 2–4 upper-case initials from the forum id', () => {
    expect(prefixCandidates('neuvottelukunta-ks')[0]).toBe('NK');
    expect(prefixCandidates('hyte-neuvottelu-ks')[0]).toBe('HNK');
    expect(prefixCandidates('alue-neuvottelu-kunta-keski-pohjanmaa')[0]).toBe('ANKK');
    expect(prefixCandidates('lape')[0]).toBe('LAP');
    expect(prefixCandidates('x')[0]).toBe('XX');
    for (const id of ['a-1-b', '2026-forum', 'typ-johtoryhma-ph']) {
      expect(prefixCandidates(id)[0]).toMatch(/^[A-Z]{2,4}$/);
    }
  });

  it('prefers the forum’s own actionPrefix', () => {
    const prefixes = assignPrefixes([forum('neuvottelukunta-ks', { actionPrefix: 'ank' })]);
    expect(prefixes.get('neuvottelukunta-ks')).toBe('ANK');
  });

  it('ignores an unusable actionPrefix', () => {
    const prefixes = assignPrefixes([forum('hyte-neuvottelu-ks', { actionPrefix: 'no spaces!' })]);
    expect(prefixes.get('hyte-neuvottelu-ks')).toBe('HNK');
  });

  it('keeps derived prefixes distinct, earlier forums first, never taking an explicit one', () => {
    const prefixes = assignPrefixes([
      forum('hyte-neuvottelu-ks'),
      forum('hva-neuvottelu-ks'),
      forum('hyvinvointi-neuvosto-kunnat'),
      forum('other', { actionPrefix: 'HYNK' }),
    ]);
    expect(prefixes.get('hyte-neuvottelu-ks')).toBe('HNK');
    const all = [...prefixes.values()];
    expect(new Set(all).size).toBe(all.length);
    for (const prefix of all) expect(prefix).toMatch(/^[A-Z][A-Z0-9]{1,5}$/);
    // Adding a forum at the end changes nobody else's prefix.
    const more = assignPrefixes([
      forum('hyte-neuvottelu-ks'),
      forum('hva-neuvottelu-ks'),
      forum('hyvinvointi-neuvosto-kunnat'),
      forum('other', { actionPrefix: 'HYNK' }),
      forum('hyte-neuvosto-kaupunki'),
    ]);
    for (const [id, prefix] of prefixes) expect(more.get(id)).toBe(prefix);
  });

  it('stays distinct for 200 similar forums', () => {
    const forums = Array.from({ length: 200 }, (_, i) =>
      forum(`hyte-neuvottelu-${i % 7 === 0 ? 'ks' : `r${i}`}-${i}`),
    );
    const prefixes = [...assignPrefixes(forums).values()];
    expect(new Set(prefixes).size).toBe(200);
  });
});
