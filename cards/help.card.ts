import type { Translate } from '../src/i18n';
import { card, heading, text, type Card } from './adaptive';

export const HELP_LINES = [
  'help.responsibility',
  'help.forum',
  'help.structure',
  'help.actions',
  'actions.list.help',
  'help.digest',
] as const;

export function helpCard(tr: Translate): Card {
  return card([
    heading(tr('help.title')),
    text(tr('help.intro')),
    ...HELP_LINES.map((key) => text(`• ${tr(key)}`, { spacing: 'Small' })),
    text(tr('help.footer'), { isSubtle: true, size: 'Small' }),
  ]);
}

export function helpText(tr: Translate): string {
  return [
    tr('help.title'),
    tr('help.intro'),
    ...HELP_LINES.map((key) => `• ${tr(key)}`),
    tr('help.footer'),
  ].join('\n');
}
