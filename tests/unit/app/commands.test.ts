import { COMMAND_TABLE, recogniseCommand } from '../../../src/app/commands';

describe('command table', () => {
  it('has no word that starts two commands', () => {
    const seen = new Map<string, string>();
    for (const entry of COMMAND_TABLE) {
      for (const words of Object.values(entry.words)) {
        for (const word of words) {
          expect(seen.get(word)).toBeUndefined();
          seen.set(word, entry.command);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it.each([
    ['apua', 'fi'],
    ['Apua!', 'fi'],
    ['hjälp', 'sv'],
    ['HELP', 'en'],
    ['help me', 'en'],
  ])('recognises %s in %s', (text, locale) => {
    expect(recogniseCommand(text)).toMatchObject({ command: 'help', locale });
  });

  it.each(['kuka vastaa kotoutumisesta?', '', '   ', 'helpdesk', 'apuahan'])(
    'does not take %j as a command',
    (text) => {
      expect(recogniseCommand(text)).toBeUndefined();
    },
  );
});
