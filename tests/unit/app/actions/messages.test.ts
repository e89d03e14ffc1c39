import { failureText, problemText, statusName, type ActionFailure } from '../../../../src/app/actions';
import type { ProblemCode } from '../../../../src/domain/actions';
import { LOCALES } from '../../../../src/i18n';

const PROBLEMS: ProblemCode[] = [
  'titleEmpty',
  'titleTooLong',
  'descriptionTooLong',
  'textEmpty',
  'textTooLong',
  'dueDateInvalid',
  'dueDatePast',
  'dateInvalid',
  'ownerUnknown',
  'ownerAmbiguous',
  'ownerTextTooLong',
  'unknownPerson',
  'unknownOrganisation',
  'unknownInterface',
  'unknownGoal',
  'unknownMeeting',
  'unknownDecision',
  'meetingOfOtherForum',
  'tooManyOrganisations',
  'commentEmpty',
  'commentTooLong',
  'tooManyComments',
  'linkInvalid',
  'statusUnknown',
  'unchanged',
];

const PARAMS = {
  max: 500,
  text: 'x',
  date: '2027-03-31',
  id: 'ANK-2026-001',
  status: 'x',
  from: 'avoin',
  to: 'valmis',
};

const FAILURES: ActionFailure[] = [
  { code: 'ACTION_UNKNOWN_USER' },
  { code: 'ACTION_FORBIDDEN', params: { operation: 'log' } },
  { code: 'ACTION_FORBIDDEN', params: { operation: 'update' } },
  { code: 'ACTION_FORBIDDEN', params: { operation: 'export' } },
  ...(['action', 'decision', 'forum', 'meeting', 'interface', 'organisation', 'goal'] as const).map(
    (kind): ActionFailure => ({ code: 'ACTION_NOT_FOUND', params: { kind, id: 'x-1' } }),
  ),
  { code: 'ACTION_CONFLICT', params: { id: 'ANK-2026-001', version: 3 } },
  { code: 'ACTION_TRANSITION', params: { from: 'valmis', to: 'peruttu' } },
  { code: 'ACTION_BUSY' },
  { code: 'ACTION_INVALID', problems: PROBLEMS.map((code) => ({ field: 'f', code, params: PARAMS })) },
];

describe('action messages', () => {
  it.each(LOCALES)('give every refusal and problem a complete text in %s', (locale) => {
    for (const failure of FAILURES) {
      const text = failureText(failure, locale);
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/\{\w+\}|\bactions\.\w|undefined/);
    }
    expect(failureText(FAILURES[FAILURES.length - 1] as ActionFailure, locale).split('\n')).toHaveLength(
      PROBLEMS.length + 1,
    );
  });

  it('shows display names of statuses, never their ids', () => {
    expect(statusName('kaynnissa', 'fi')).toBe('käynnissä');
    expect(statusName('kaynnissa', 'sv')).toBe('pågår');
    expect(failureText({ code: 'ACTION_TRANSITION', params: { from: 'valmis', to: 'peruttu' } }, 'en')).toBe(
      'The status cannot change: done → cancelled.',
    );
  });

  it('offers the closest names with an unknown owner', () => {
    expect(
      problemText(
        {
          field: 'owner',
          code: 'ownerUnknown',
          params: { text: 'Jyväs' },
          suggestions: ['Jyväskylä', 'Jämsä'],
        },
        'fi',
      ),
    ).toBe('Vastuutahoa "Jyväs" ei löytynyt rekisteristä. Tarkoititko: Jyväskylä, Jämsä?');
  });

  it('names what was not found', () => {
    expect(failureText({ code: 'ACTION_NOT_FOUND', params: { kind: 'forum', id: 'x' } }, 'sv')).toBe(
      'Forumet x finns inte i registret.',
    );
  });
});
