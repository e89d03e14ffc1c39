import { helpCard, helpText } from '../../cards/help.card';
import { translator, type Locale } from '../i18n';
import type { Reply } from './reply';

export function helpReply(locale: Locale): Reply {
  const tr = translator(locale);
  return { locale, text: helpText(tr), card: helpCard(tr) };
}

export function greetingReply(locale: Locale): Reply {
  return { locale, text: translator(locale)('greeting.install') };
}

export function unknownSubmitReply(locale: Locale): Reply {
  return { locale, text: translator(locale)('input.ignoredSubmit') };
}
