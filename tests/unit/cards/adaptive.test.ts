import { plain, text } from '../../../cards/adaptive';

describe('plain text in cards', () => {
  it('escapes markdown so user text is never markup', () => {
    expect(plain('**bold** [link](http://x) _i_ `code`')).toBe(
      '\\*\\*bold\\*\\* \\[link\\](http://x) \\_i\\_ \\`code\\`',
    );
    expect(plain('# heading\n- item\n1. first')).toBe('\\# heading\n\\- item\n1\\. first');
  });

  it('drops control characters and keeps Finnish letters', () => {
    expect(plain('Äänekoski\u0000\u0007 ja Jyväskylä')).toBe('Äänekoski ja Jyväskylä');
  });

  it('builds wrapping TextBlocks', () => {
    expect(text('a*b')).toEqual({ type: 'TextBlock', text: 'a\\*b', wrap: true });
  });
});
