/** Every kind of answer to a question, rendered as an Adaptive Card plus its plain-text fallback. */
import type { Answer } from '../src/domain/questions/answer';
import { pick, type Organisation } from '../src/domain/registry';
import { translator, type Locale } from '../src/i18n';
import { actionRows, card, factSet, heading, imBack, text, type Card } from './adaptive';
import { forumCard, forumText } from './forum.card';
import { ownRowsElements, ownRowsLine, placeName, responsibilityReply } from './responsibility.card';

export interface RenderedAnswer {
  readonly text: string;
  readonly card?: Card;
}

function municipalityName(municipality: Organisation, locale: Locale): string {
  return municipality.shortName ? pick(municipality.shortName, locale) : pick(municipality.name, locale);
}

/** `question` is the user's own words, echoed only inside imBack values, never as markup. */
export function renderAnswer(answer: Answer, timeZone: string, question: string): RenderedAnswer {
  const locale = answer.lang;
  const tr = translator(locale);
  switch (answer.kind) {
    case 'responsibility': {
      const place = answer.municipality
        ? municipalityName(answer.municipality, locale)
        : pick(answer.region.name, locale);
      return responsibilityReply(answer, tr, place);
    }
    case 'none': {
      const title = tr('answer.none', {
        interface: pick(answer.interface.name, locale),
        place: placeName(answer, locale),
      });
      const contacts = answer.contacts.map(({ person, forum }) =>
        [person.name, pick(person.title, locale), person.email, pick(forum.name, locale)]
          .filter(Boolean)
          .join(', '),
      );
      const ask = contacts.length > 0 ? tr('answer.none.ask') : tr('answer.none.noContacts');
      const interfaceName = pick(answer.interface.name, locale);
      const own = answer.ownRowsIn.length > 0 ? ['', ownRowsLine(answer.ownRowsIn, locale, tr)] : [];
      return {
        text: [title, ask, ...contacts.map((line) => `  ${line}`), ...own].join('\n'),
        card: card([
          heading(interfaceName),
          text(title),
          text(ask, { weight: 'Bolder' }),
          ...contacts.map((line) => text(line, { spacing: 'Small' })),
          ...ownRowsElements(answer.ownRowsIn, interfaceName, locale, tr),
        ]),
      };
    }
    case 'clarify-region': {
      const title = tr('answer.clarify', { interface: pick(answer.interface.name, locale) });
      const names = answer.regions.map((region) => pick(region.name, locale));
      return {
        text: [title, ...names.map((name) => `  • ${name}`), tr('answer.clarify.hint')].join('\n'),
        card: card([
          text(title, { weight: 'Bolder' }),
          ...actionRows(names.map((name) => imBack(name, `${question.slice(0, 300)} – ${name}`))),
          text(tr('answer.clarify.hint'), { isSubtle: true }),
        ]),
      };
    }
    case 'forum':
      return { text: forumText(answer, tr, timeZone), card: forumCard(answer, tr, timeZone) };
    case 'membership': {
      const municipality = municipalityName(answer.municipality, locale);
      const line = answer.area
        ? tr(`answer.membership.${answer.areaKind}`, { municipality, area: pick(answer.area.name, locale) })
        : tr('answer.membership.unknown', { municipality });
      const facts = answer.area?.municipalities.length
        ? [{ title: pick(answer.area.name, locale), value: answer.area.municipalities.length.toString() }]
        : [];
      return {
        text: [line, tr('answer.source')].join('\n'),
        card: card([
          text(line, { weight: 'Bolder' }),
          ...(facts.length ? [factSet(facts)] : []),
          text(tr('answer.source'), { isSubtle: true, size: 'Small' }),
        ]),
      };
    }
    case 'member-list': {
      const names = answer.municipalities.map((m) => municipalityName(m, locale));
      const title = tr('answer.memberList', { area: pick(answer.area.name, locale), count: names.length });
      return {
        text: [title, names.join(', '), tr('answer.source')].join('\n'),
        card: card([
          heading(title),
          text(names.join(', ')),
          text(tr('answer.source'), { isSubtle: true, size: 'Small' }),
        ]),
      };
    }
    case 'not-understood': {
      const lines = [
        tr('input.notUnderstood'),
        `• ${tr('help.responsibility')}`,
        `• ${tr('help.forum')}`,
        `• ${tr('help.structure')}`,
      ];
      return { text: lines.join('\n') };
    }
  }
}
