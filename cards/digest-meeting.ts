/** The meeting the digest is for: title, time, place and agenda. */
import type { Digest } from '../src/domain/digest';
import { pick } from '../src/domain/registry';
import { factSet, text, type CardElement } from './adaptive';
import type { DigestDetail, DigestRenderContext, Section } from './digest-context';
import { clip } from './digest-format';
import { formatTimeRange } from './format';

export function meetingSection(digest: Digest, ctx: DigestRenderContext, detail: DigestDetail): Section {
  const { tr, locale } = ctx;
  const meeting = digest.meeting;
  const title = clip(pick(meeting.title, locale), detail.textLength);
  const facts = [
    {
      title: tr('digest.meeting.time'),
      value: formatTimeRange(meeting.start, meeting.end, ctx.timeZone, locale),
    },
    ...(meeting.location
      ? [
          {
            title: tr('digest.meeting.place'),
            value: clip(pick(meeting.location, locale), detail.textLength),
          },
        ]
      : []),
  ];
  const notice = meeting.cancelled
    ? tr('digest.meeting.cancelled')
    : meeting.sequence > 0
      ? tr('digest.meeting.moved')
      : undefined;
  const agenda = meeting.agenda
    .slice(0, detail.agendaItems)
    .map((item, i) => `${i + 1}. ${clip(pick(item, locale), detail.textLength)}`);
  const moreAgenda = meeting.agenda.length - agenda.length;
  const more = moreAgenda > 0 ? [tr('digest.more', { count: moreAgenda })] : [];

  const elements: CardElement[] = [
    text(`${tr('digest.meeting.heading')}: ${title}`, {
      weight: 'Bolder',
      size: 'Medium',
      separator: true,
      spacing: 'Medium',
    }),
    ...(notice
      ? [text(notice, meeting.cancelled ? { color: 'Attention', weight: 'Bolder' } : { isSubtle: true })]
      : []),
    factSet(facts),
    text(tr('digest.meeting.agenda'), { weight: 'Bolder', spacing: 'Small' }),
    ...(agenda.length > 0
      ? [...agenda, ...more].map((line) => text(line, { spacing: 'None' }))
      : [text(tr('digest.meeting.noAgenda'), { isSubtle: true, spacing: 'None' })]),
  ];
  const lines = [
    `${tr('digest.meeting.heading')}: ${title}`,
    ...(notice ? [notice] : []),
    ...facts.map((fact) => `${fact.title}: ${fact.value}`),
    `${tr('digest.meeting.agenda')}:`,
    ...(agenda.length > 0
      ? [...agenda, ...more].map((line) => `  ${line}`)
      : [`  ${tr('digest.meeting.noAgenda')}`]),
  ];
  return { elements, lines };
}
