/**
 * "Who is responsible?" as an Adaptive Card and as plain text with the same facts:
 * parties grouped by side and role, with person, deputy, forum, basis and confirmation.
 */
import type { Answer } from '../src/domain/questions/answer';
import type { Party, PartySection } from '../src/domain/responsibility/parties';
import { pick, type Interface, type Organisation } from '../src/domain/registry';
import type { Locale, Translate } from '../src/i18n';
import { card, container, heading, imBack, plain, text, type Card, type CardElement } from './adaptive';
import { formatDate } from './format';

type ResponsibilityAnswer = Extract<Answer, { kind: 'responsibility' }>;

/** More municipality-specific sections than this are collapsed behind a button. */
const OPEN_SECTIONS = 3;

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

function sectionTitle(
  section: PartySection,
  answer: ResponsibilityAnswer,
  locale: Locale,
  tr: Translate,
): string | undefined {
  if (answer.municipality) return undefined;
  if (section.municipalities.length === 0)
    return tr('answer.regionWide', { region: pick(answer.region.name, locale) });
  const names = section.municipalities.map((m) =>
    m.shortName ? pick(m.shortName, locale) : pick(m.name, locale),
  );
  return tr('answer.onlyFor', { municipalities: names.join(', ') });
}

function sectionElements(section: PartySection, locale: Locale, tr: Translate): CardElement[] {
  const out: CardElement[] = [];
  let lastSide: string | undefined;
  for (const group of section.groups) {
    if (group.side !== lastSide) {
      out.push(
        text(tr(`answer.side.${group.side}`), { weight: 'Bolder', spacing: 'Medium', color: 'Accent' }),
      );
      lastSide = group.side;
    }
    out.push(text(tr(`answer.role.${group.role}`), { weight: 'Bolder', size: 'Small', spacing: 'Small' }));
    for (const party of group.parties) {
      const { main, details } = partyLines(party, locale, tr);
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

export function responsibilityText(answer: ResponsibilityAnswer, tr: Translate): string {
  const locale = answer.lang;
  const lines = [
    tr('answer.title.place', {
      interface: pick(answer.interface.name, locale),
      place: placeName(answer, locale),
    }),
  ];
  for (const section of answer.sections) {
    const title = sectionTitle(section, answer, locale, tr);
    if (title) lines.push('', title);
    let lastSide: string | undefined;
    for (const group of section.groups) {
      if (group.side !== lastSide) lines.push(`${tr(`answer.side.${group.side}`)}:`);
      lastSide = group.side;
      for (const party of group.parties) {
        const { main, details } = partyLines(party, locale, tr);
        lines.push(`  ${tr(`answer.role.${group.role}`)}: ${main}`);
        for (const detail of details) lines.push(`    ${detail.text}`);
      }
    }
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

export function responsibilityCard(
  answer: ResponsibilityAnswer,
  tr: Translate,
  placeForQuestions: string,
): Card {
  const locale = answer.lang;
  const body: CardElement[] = [
    heading(pick(answer.interface.name, locale)),
    text(placeName(answer, locale), { isSubtle: true, spacing: 'None' }),
  ];
  const hiddenIds: string[] = [];
  answer.sections.forEach((section, position) => {
    const title = sectionTitle(section, answer, locale, tr);
    const elements = [
      ...(title ? [text(title, { weight: 'Bolder', separator: true, spacing: 'Medium' })] : []),
      ...sectionElements(section, locale, tr),
    ];
    const collapsed = position >= OPEN_SECTIONS;
    const id = `section-${position}`;
    if (collapsed) hiddenIds.push(id);
    body.push(container(elements, collapsed ? { id, isVisible: false } : {}));
  });
  if (hiddenIds.length > 0) {
    body.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: tr('answer.showMore', { count: hiddenIds.length }),
          targetElements: hiddenIds,
        },
      ],
    });
  }
  body.push(text(tr('answer.source'), { isSubtle: true, size: 'Small', separator: true }));
  const actions = answer.alternatives.map((alt) =>
    imBack(
      `${tr('answer.didYouMean')} ${pick(alt.name, locale)}`,
      `${pick(alt.name, locale)} ${placeForQuestions}`.trim(),
    ),
  );
  return card(body, actions);
}

export { plain };
