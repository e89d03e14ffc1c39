import {
  checkComment,
  checkDescription,
  checkDueDate,
  checkLink,
  checkLinks,
  checkOwner,
  checkTitle,
} from '../../../../src/domain/actions';
import type { RegistryIndex } from '../../../../src/domain/registry';
import { testRegistry } from './registry-fixture';

describe('validation', () => {
  let registry: RegistryIndex;
  beforeAll(async () => {
    registry = await testRegistry();
  });

  it('wants a title of 1–500 characters, counting letters not UTF-16 units', () => {
    expect(checkTitle('  ')).toEqual([{ field: 'title', code: 'titleEmpty' }]);
    expect(checkTitle('ä'.repeat(500))).toEqual([]);
    expect(checkTitle('😀'.repeat(500))).toEqual([]);
    expect(checkTitle('a'.repeat(501))[0]?.code).toBe('titleTooLong');
  });

  it('allows a description of up to 4000 characters', () => {
    expect(checkDescription(undefined)).toEqual([]);
    expect(checkDescription('d'.repeat(4000))).toEqual([]);
    expect(checkDescription('d'.repeat(4001))[0]).toEqual({
      field: 'description',
      code: 'descriptionTooLong',
      params: { max: 4000 },
    });
  });

  it('wants a real due date, and confirmation for one in the past', () => {
    const today = '2026-11-23';
    expect(checkDueDate(undefined, { today })).toEqual([]);
    expect(checkDueDate('2027-02-29', { today })[0]?.code).toBe('dueDateInvalid');
    expect(checkDueDate('31.3.2027', { today })[0]?.code).toBe('dueDateInvalid');
    expect(checkDueDate('2026-11-23', { today })).toEqual([]);
    expect(checkDueDate('2026-11-22', { today })).toEqual([
      { field: 'dueDate', code: 'dueDatePast', params: { date: '2026-11-22' } },
    ]);
    expect(checkDueDate('2026-11-22', { today, confirmPast: true })).toEqual([]);
  });

  it('checks comments', () => {
    expect(checkComment(' ', 0)[0]?.code).toBe('commentEmpty');
    expect(checkComment('c'.repeat(2001), 0)[0]?.code).toBe('commentTooLong');
    expect(checkComment('ok', 200)[0]?.code).toBe('tooManyComments');
    expect(checkComment('ok', 3)).toEqual([]);
  });

  it('accepts only https links', () => {
    expect(checkLink(undefined)).toEqual([]);
    expect(checkLink('https://teams.microsoft.com/l/message/19:abc/1700000000000')).toEqual([]);
    for (const link of [
      'javascript:alert(1)',
      'http://example.com',
      'https://exa mple.com',
      'data:text/html,x',
    ]) {
      expect(checkLink(link)[0]?.code).toBe('linkInvalid');
    }
  });

  it('checks owners and links against the registry', () => {
    expect(checkOwner({ ownerPerson: 'aino-esimerkki', organisations: ['kunta-179'] }, registry)).toEqual([]);
    expect(
      checkOwner({ ownerPerson: 'nobody', organisations: ['kunta-999'] }, registry).map((p) => p.code),
    ).toEqual(['unknownPerson', 'unknownOrganisation']);
    expect(
      checkLinks({ forum: 'neuvottelukunta-ks', meeting: 'neuvottelukunta-ks-2027-09' }, registry),
    ).toEqual([]);
    expect(
      checkLinks(
        { forum: 'neuvottelukunta-ks', meeting: 'hyte-neuvottelu-ks-2027', interface: 'nope', goal: 'nope' },
        registry,
      ).map((p) => p.code),
    ).toEqual(['meetingOfOtherForum', 'unknownInterface', 'unknownGoal']);
  });
});
