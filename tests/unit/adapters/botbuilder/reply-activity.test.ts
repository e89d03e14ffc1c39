import { toActivity } from '../../../../src/adapters/botbuilder/reply-activity';

describe('a Reply as a Teams message activity', () => {
  const card = { type: 'AdaptiveCard', version: '1.5', body: [] };

  it('sends a card with the whole text as its fallback and the first line as the summary', () => {
    const activity = toActivity({ locale: 'fi', text: 'Otsikko\nrivi 2\nrivi 3', card });
    expect(activity.summary).toBe('Otsikko');
    expect(activity.text).toBeUndefined();
    expect(activity.attachments).toEqual([
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        content: { ...card, fallbackText: 'Otsikko\nrivi 2\nrivi 3' },
      },
    ]);
  });

  it('keeps a summary to 200 characters, also when the text is one long line', () => {
    expect(toActivity({ locale: 'en', text: 'x'.repeat(500), card }).summary).toBe('x'.repeat(200));
    expect(toActivity({ locale: 'en', text: `${'y'.repeat(300)}\nz`, card }).summary).toBe('y'.repeat(200));
    expect(toActivity({ locale: 'en', text: '', card }).summary).toBe('');
  });

  it('sends plain text without a card, with suggestions as buttons that send their text', () => {
    const activity = toActivity({ locale: 'sv', text: 'Hej', suggestions: ['hjälp'] });
    expect(activity).toMatchObject({ type: 'message', locale: 'sv', text: 'Hej', textFormat: 'plain' });
    expect(activity.suggestedActions?.actions).toEqual([{ type: 'imBack', title: 'hjälp', value: 'hjälp' }]);
    expect(toActivity({ locale: 'sv', text: 'Hej' }).suggestedActions).toBeUndefined();
  });
});
