import fc from 'fast-check';
import { plain, text } from '../../../cards/adaptive';

/** plain() as a plain chain of replacements, without its shortcut for texts with nothing to escape. */
function escapeEverything(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/([\\`*_[\]~])/g, '\\$1')
      .replace(/^(\s*)([-+#>])/gm, '$1\\$2')
      .replace(/^(\s*\d+)\./gm, '$1\\.')
  );
}

describe('plain text in cards', () => {
  it('escapes markdown so user text is never markup', () => {
    expect(plain('**bold** [link](http://x) _i_ `code`')).toBe(
      '\\*\\*bold\\*\\* \\[link\\](http://x) \\_i\\_ \\`code\\`',
    );
    expect(plain('# heading\n- item\n1. first')).toBe('\\# heading\n\\- item\n1\\. first');
    expect(plain('Sopimus 3.2.2026\n  12. kohta')).toBe('Sopimus 3.2.2026\n  12\\. kohta');
  });

  it('drops control characters and keeps Finnish letters', () => {
    expect(plain('Äänekoski\u0000\u0007 ja Jyväskylä')).toBe('Äänekoski ja Jyväskylä');
  });

  it('leaves text without markup as it is, and escapes exactly like the full chain otherwise', () => {
    expect(plain('Kotoutuminen, 1.1.2026–31.12.2026 (Jyväskylä)')).toBe(
      'Kotoutuminen, 1.1.2026–31.12.2026 (Jyväskylä)',
    );
    const alphabet = fc.constantFrom(...'aäö 1.2\n\t-+#>*_[]~`\\\u0000\u0007\u001f\u007f\r'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
        const value = chars.join('');
        expect(plain(value)).toBe(escapeEverything(value));
      }),
      { numRuns: 5000 },
    );
  });

  it('builds wrapping TextBlocks', () => {
    expect(text('a*b')).toEqual({ type: 'TextBlock', text: 'a\\*b', wrap: true });
  });
});
