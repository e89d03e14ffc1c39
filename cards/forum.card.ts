/** A forum's people and next meeting, as a card and as text. */
import type { Answer, ForumFacts } from '../src/domain/questions/answer';
import { pick, type Person } from '../src/domain/registry';
import type { Locale, Translate } from '../src/i18n';
import { card, container, factSet, heading, text, type Card, type CardElement } from './adaptive';
import { formatTimeRange } from './format';

type ForumAnswer = Extract<Answer, { kind: 'forum' }>;

function personLine(person: Person, locale: Locale): string {
  return [person.name, pick(person.title, locale), person.email].filter(Boolean).join(', ');
}

function forumFacts(
  facts: ForumFacts,
  locale: Locale,
  timeZone: string,
  tr: Translate,
): { title: string; value: string }[] {
  const none = tr('answer.forum.none');
  const rows = [
    { title: tr('answer.forum.chair'), value: facts.chair ? personLine(facts.chair, locale) : none },
    {
      title: tr('answer.forum.secretary'),
      value:
        facts.secretaries.length > 0 ? facts.secretaries.map((p) => personLine(p, locale)).join('; ') : none,
    },
  ];
  const meeting = facts.nextMeeting;
  if (!meeting) {
    rows.push({ title: tr('answer.forum.nextMeeting'), value: tr('answer.forum.noMeeting') });
    return rows;
  }
  rows.push({
    title: tr('answer.forum.nextMeeting'),
    value: `${pick(meeting.title, locale)}, ${formatTimeRange(meeting.start, meeting.end, timeZone, locale)}`,
  });
  if (meeting.location)
    rows.push({ title: tr('answer.forum.location'), value: pick(meeting.location, locale) });
  if (meeting.agenda.length > 0)
    rows.push({
      title: tr('answer.forum.agenda'),
      value: meeting.agenda.map((item) => pick(item, locale)).join('; '),
    });
  return rows;
}

export function forumText(answer: ForumAnswer, tr: Translate, timeZone: string): string {
  const locale = answer.lang;
  const blocks = answer.forums.map((facts) =>
    [
      `${pick(facts.forum.name, locale)} (${pick(facts.region.name, locale)})`,
      ...forumFacts(facts, locale, timeZone, tr).map((row) => `  ${row.title}: ${row.value}`),
    ].join('\n'),
  );
  return [...blocks, '', tr('answer.source')].join('\n');
}

export function forumCard(answer: ForumAnswer, tr: Translate, timeZone: string): Card {
  const locale = answer.lang;
  const body: CardElement[] = [];
  answer.forums.forEach((facts, position) => {
    body.push(
      container(
        [
          heading(pick(facts.forum.name, locale)),
          text(pick(facts.region.name, locale), { isSubtle: true, spacing: 'None' }),
          factSet(forumFacts(facts, locale, timeZone, tr)),
        ],
        position > 0 ? { separator: true, spacing: 'Medium' } : {},
      ),
    );
  });
  body.push(text(tr('answer.source'), { isSubtle: true, size: 'Small', separator: true }));
  return card(body);
}
