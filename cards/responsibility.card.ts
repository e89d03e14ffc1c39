/**
 * "Who is responsible?" as an Adaptive Card and as plain text with the same facts:
 * parties grouped by side and role, with person, deputy, forum, basis and confirmation.
 */
import type { Answer } from '../src/domain/questions/answer';
import type { Party, PartyGroup } from '../src/domain/responsibility/parties';
import { pick, type Interface, type Organisation } from '../src/domain/registry';
import type { Locale, Translate } from '../src/i18n';
import {
  actionRows,
  card,
  container,
  heading,
  imBack,
  plain,
  text,
  type Card,
  type CardElement,
} from './adaptive';
import { formatDate } from './format';

type ResponsibilityAnswer = Extract<Answer, { kind: 'responsibility' }>;

/** More municipalities with rows of their own than this are collapsed behind a button. */
const OPEN_MUNICIPALITIES = 5;

export function placeName(
  answer: { region: { name: Interface['name'] }; municipality?: Organisation },
  locale: Locale,
): string {
  const region = pick(answer.region.name, locale);
  if (!answer.municipality) return region;
  const name = answer.municipality.shortName
    ? pick(answer.municipality.shortName, locale)
    : pick(answer.municipality.name, locale);
  return `${name} (${region})`;
}

function organisationName(organisation: Organisation, locale: Locale): string {
  return pick(organisation.name, locale);
}

interface Detail {
  readonly text: string;
  readonly warning?: boolean;
}

function partyLines(party: Party, locale: Locale, tr: Translate): { main: string; details: Detail[] } {
  const person = party.person
    ? [party.person.name, pick(party.person.title, locale), party.person.email].filter(Boolean).join(', ')
    : undefined;
  const main = [organisationName(party.organisation, locale), person].filter(Boolean).join(' – ');
  const details: Detail[] = [];
  if (party.task) details.push({ text: pick(party.task, locale) });
  if (party.deputy) details.push({ text: tr('answer.deputy', { name: party.deputy.name }) });
  if (party.forum) details.push({ text: tr('answer.forum', { forum: pick(party.forum.name, locale) }) });
  if (party.agreement) {
    const agreement = pick(party.agreement.title, locale);
    details.push({
      text: party.clause
        ? tr('answer.basis', { agreement, clause: party.clause })
        : tr('answer.basisNoClause', { agreement }),
    });
  }
  if (!party.confirmed) details.push({ text: tr('answer.neverConfirmed'), warning: true });
  else {
    const key = party.possiblyOutdated ? 'answer.outdated' : 'answer.confirmed';
    details.push({
      text: tr(key, { date: formatDate(party.confirmed, locale) }),
      warning: party.possiblyOutdated,
    });
  }
  if (party.inheritedFrom) {
    details.push({ text: tr('answer.inherited', { interface: pick(party.inheritedFrom.name, locale) }) });
  }
  return { main, details };
}

type Lines = ReadonlyMap<Party, { main: string; details: Detail[] }>;

/** Each party's lines, made once for both the card and its text fallback. */
function linesOf(answer: ResponsibilityAnswer, tr: Translate): Lines {
  const lines = new Map<Party, { main: string; details: Detail[] }>();
  for (const group of answer.groups)
    for (const party of group.parties) lines.set(party, partyLines(party, answer.lang, tr));
  return lines;
}

function linesFor(lines: Lines, party: Party): { main: string; details: Detail[] } {
  const found = lines.get(party);
  if (!found) throw new Error('party lines were not made for every party of the answer');
  return found;
}

/** The answer as a card and as plain text with the same facts. */
export function responsibilityReply(
  answer: ResponsibilityAnswer,
  tr: Translate,
  placeForQuestions: string,
): { text: string; card: Card } {
  const lines = linesOf(answer, tr);
  return {
    text: responsibilityText(answer, tr, lines),
    card: responsibilityCard(answer, tr, placeForQuestions, lines),
  };
}

function municipalityName(municipality: Organisation, locale: Locale): string {
  return municipality.shortName ? pick(municipality.shortName, locale) : pick(municipality.name, locale);
}

function groupElements(groups: readonly PartyGroup[], tr: Translate, lines: Lines): CardElement[] {
  const out: CardElement[] = [];
  let lastSide: string | undefined;
  for (const group of groups) {
    if (group.side !== lastSide) {
      out.push(
        text(tr(`answer.side.${group.side}`), { weight: 'Bolder', spacing: 'Medium', color: 'Accent' }),
      );
      lastSide = group.side;
    }
    out.push(text(tr(`answer.role.${group.role}`), { weight: 'Bolder', size: 'Small', spacing: 'Small' }));
    for (const party of group.parties) {
      const { main, details } = linesFor(lines, party);
      const items: CardElement[] = [text(main, { spacing: 'None' })];
      if (party.person?.email) {
        items.push({
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.OpenUrl',
              title: party.person.email,
              url: `mailto:${encodeURIComponent(party.person.email).replace('%40', '@')}`,
            },
          ],
        });
      }
      for (const detail of details) {
        const warning = detail.warning === true;
        items.push(
          text(detail.text, {
            isSubtle: !warning,
            size: 'Small',
            spacing: 'None',
            ...(warning ? { color: 'Warning' } : {}),
          }),
        );
      }
      out.push(container(items, { spacing: 'Small' }));
    }
  }
  return out;
}

function responsibilityText(answer: ResponsibilityAnswer, tr: Translate, partyTexts: Lines): string {
  const locale = answer.lang;
  const lines = [
    tr('answer.title.place', {
      interface: pick(answer.interface.name, locale),
      place: placeName(answer, locale),
    }),
  ];
  if (!answer.municipality) lines.push(tr('answer.regionWide', { region: pick(answer.region.name, locale) }));
  let lastSide: string | undefined;
  for (const group of answer.groups) {
    if (group.side !== lastSide) lines.push(`${tr(`answer.side.${group.side}`)}:`);
    lastSide = group.side;
    for (const party of group.parties) {
      const { main, details } = linesFor(partyTexts, party);
      lines.push(`  ${tr(`answer.role.${group.role}`)}: ${main}`);
      for (const detail of details) lines.push(`    ${detail.text}`);
    }
  }
  if (answer.ownRowsIn.length > 0) {
    lines.push('', ownRowsLine(answer.ownRowsIn, locale, tr));
  }
  if (answer.alternatives.length > 0) {
    lines.push(
      '',
      `${tr('answer.didYouMean')} ${answer.alternatives.map((alt) => pick(alt.name, locale)).join(' · ')}`,
    );
  }
  lines.push('', tr('answer.source'));
  return lines.join('\n');
}

export function ownRowsLine(municipalities: readonly Organisation[], locale: Locale, tr: Translate): string {
  return tr('answer.ownRows', {
    municipalities: municipalities.map((m) => municipalityName(m, locale)).join(', '),
  });
}

/** Buttons that ask the same question about one municipality (imBack: the text is sent as typed). */
export function municipalityButtons(
  interfaceName: string,
  municipalities: readonly Organisation[],
  locale: Locale,
): CardElement[] {
  return municipalities.map((m) =>
    imBack(municipalityName(m, locale), `${interfaceName} – ${municipalityName(m, locale)}`),
  );
}

function responsibilityCard(
  answer: ResponsibilityAnswer,
  tr: Translate,
  placeForQuestions: string,
  lines: Lines,
): Card {
  const locale = answer.lang;
  const interfaceName = pick(answer.interface.name, locale);
  const body: CardElement[] = [
    heading(interfaceName),
    text(placeName(answer, locale), { isSubtle: true, spacing: 'None' }),
  ];
  if (!answer.municipality) {
    body.push(
      text(tr('answer.regionWide', { region: pick(answer.region.name, locale) }), {
        weight: 'Bolder',
        separator: true,
      }),
    );
  }
  body.push(container(groupElements(answer.groups, tr, lines)));
  body.push(...ownRowsElements(answer.ownRowsIn, interfaceName, locale, tr));
  body.push(text(tr('answer.source'), { isSubtle: true, size: 'Small', separator: true }));
  const actions = answer.alternatives.map((alt) =>
    imBack(
      `${tr('answer.didYouMean')} ${pick(alt.name, locale)}`,
      `${pick(alt.name, locale)} ${placeForQuestions}`.trim(),
    ),
  );
  return card(body, actions);
}

/** "Municipality-specific responsibilities are also recorded for …", collapsed when many. */
export function ownRowsElements(
  municipalities: readonly Organisation[],
  interfaceName: string,
  locale: Locale,
  tr: Translate,
): CardElement[] {
  if (municipalities.length === 0) return [];
  const line = text(ownRowsLine(municipalities, locale, tr), { separator: true, spacing: 'Medium' });
  const buttons = municipalityButtons(interfaceName, municipalities, locale);
  const rows = actionRows(buttons);
  if (municipalities.length <= OPEN_MUNICIPALITIES) return [line, ...rows];
  return [
    line,
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: tr('answer.showMore', { count: municipalities.length }),
          targetElements: ['own-rows'],
        },
      ],
    },
    container(rows, { id: 'own-rows', isVisible: false }),
  ];
}

export { plain };
