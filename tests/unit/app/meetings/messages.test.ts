import { meetingFailureText } from '../../../../src/app/meetings';

describe('meetingFailureText', () => {
  it('turns each refusal into text in the language, with the problems listed', () => {
    expect(meetingFailureText({ code: 'MEETING_FORBIDDEN', params: { forum: 'f' } }, 'fi')).toBe(
      'Vain foorumin sihteerit ja puheenjohtaja voivat lisätä, siirtää tai perua kokouksia. Mitään ei muutettu.',
    );
    expect(
      meetingFailureText({ code: 'MEETING_NOT_FOUND', params: { kind: 'meeting', id: 'm-1' } }, 'en'),
    ).toBe('Meeting m-1 was not found.');
    expect(meetingFailureText({ code: 'MEETING_NOT_FOUND', params: { kind: 'forum', id: 'f' } }, 'sv')).toBe(
      'Forumet f finns inte i registret.',
    );
    expect(
      meetingFailureText(
        {
          code: 'MEETING_INVALID',
          problems: [
            { field: 'start', code: 'timeInvalid', params: { text: 'huomenna' } },
            { field: 'title', code: 'titleTooLong', params: { max: 200 } },
          ],
        },
        'fi',
      ),
    ).toBe(
      [
        'Tarkista tiedot – mitään ei tallennettu:',
        '• En saanut selvää ajasta "huomenna". Kirjoita esimerkiksi 2027-03-31T13:00.',
        '• Nimi on liian pitkä (enintään 200 merkkiä).',
      ].join('\n'),
    );
    expect(meetingFailureText({ code: 'MEETING_STARTED', params: { id: 'm' } }, 'en')).toContain(
      'already started',
    );
  });
});
