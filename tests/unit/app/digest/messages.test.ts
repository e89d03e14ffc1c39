import { digestFailureText } from '../../../../src/app/digest';

it('turns each digest refusal into text in the language', () => {
  expect(digestFailureText({ code: 'DIGEST_UNKNOWN_USER' }, 'fi')).toContain(
    'En löydä sinua yhteistyörekisteristä',
  );
  expect(digestFailureText({ code: 'DIGEST_NO_MEETING', params: { forum: 'f' } }, 'en')).toBe(
    'Forum f has no upcoming meetings.',
  );
  expect(digestFailureText({ code: 'DIGEST_NOT_FOUND', params: { kind: 'digest', id: 'x' } }, 'sv')).toBe(
    'Lägesbilden x hittades inte.',
  );
  expect(digestFailureText({ code: 'DIGEST_NOT_FOUND', params: { kind: 'forum', id: 'f' } }, 'fi')).toBe(
    'Foorumia f ei ole rekisterissä.',
  );
});
