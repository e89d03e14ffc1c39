import type { MessageKey } from './fi';

export const sv: Record<MessageKey, string> = {
  'greeting.install':
    'Hej! Jag är gränsytsboten. Jag hjälper till att reda ut vem som ansvarar för vad i gränsytorna mellan kommunerna och välfärdsområdet, sammanställer en lägesbild inför förhandlingar och håller reda på överenskomna åtgärder. Skriv "hjälp" så berättar jag mer.',
  'help.title': 'Så här kan jag hjälpa',
  'help.intro': 'Fråga mig på finska, svenska eller engelska. Exempel:',
  'help.responsibility': 'Vem ansvarar? – t.ex. "vem sköter integrationen i Karleby?"',
  'help.forum': 'Forum och möten – t.ex. "när är nästa HYTE-förhandling?"',
  'help.structure': 'Strukturer – t.ex. "vilka kommuner hör till Mellersta Österbottens välfärdsområde?"',
  'help.actions': 'Åtgärder – sekreterare loggar: "logga åtgärd: …"',
  'help.digest': 'Lägesbild – "lägesbild" visar forumets lägesbild.',
  'help.footer': 'Svaren bygger på regionens samarbetsregister och anger alltid sin källa.',
  'error.generic': 'Förlåt, något gick fel. Försök igen om en stund.',
  'error.storeUnavailable': 'Lagringen är inte tillgänglig just nu. Inget sparades; försök igen om en stund.',
  'input.empty': 'Jag förstod inte meddelandet. Skriv till exempel "hjälp".',
  'input.notUnderstood': 'Jag förstod inte frågan. Du kan till exempel fråga:',
  'card.fallback': 'Meddelandet innehåller ett kort som din app inte visar. Samma uppgifter som text:',
};
