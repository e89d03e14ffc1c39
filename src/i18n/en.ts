import type { MessageKey } from './fi';

export const en: Record<MessageKey, string> = {
  'greeting.install':
    'Hello! I am the interface bot. I help you find out who is responsible for what where municipalities and the wellbeing services county work together, compile a situational picture before negotiations and keep track of agreed actions. Type "help" to learn more.',
  'help.title': 'How I can help',
  'help.intro': 'Ask me in Finnish, Swedish or English. For example:',
  'help.responsibility': 'Who is responsible? – e.g. "who is responsible for integration in Jyväskylä?"',
  'help.forum': 'Forums and meetings – e.g. "when is the next HYTE negotiation?"',
  'help.structure': 'Structures – e.g. "which employment area does Hankasalmi belong to?"',
  'help.actions': 'Actions – secretaries log them: "log action: …"',
  'help.digest': 'Situational picture – "situation" shows the forum\'s digest.',
  'help.footer': "Answers come from the region's cooperation registry and always cite their source.",
  'error.generic': 'Sorry, something went wrong. Please try again in a moment.',
  'error.storeUnavailable':
    'Storage is unavailable right now. Nothing was saved; please try again in a moment.',
  'input.empty': 'I could not make out the message. Try typing "help".',
  'input.notUnderstood': 'I did not understand the question. You can ask, for example:',
  'card.fallback': 'This message has a card your app does not show. The same facts as text:',
};
