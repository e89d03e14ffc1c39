/** Which member organisations have acknowledged the digest, and the line on why the channel gets it. */
import type { Digest, OrganisationAck } from '../src/domain/digest';
import { pick } from '../src/domain/registry';
import { text } from './adaptive';
import type { DigestDetail, DigestRenderContext, Section } from './digest-context';
import { formatDateTime } from './format';

function names(acks: readonly OrganisationAck[], ctx: DigestRenderContext, detail: DigestDetail): string {
  const shown = acks
    .slice(0, detail.names)
    .map((ack) => (ack.by ? `${pick(ack.name, ctx.locale)} (${ack.by})` : pick(ack.name, ctx.locale)));
  const more = acks.length - shown.length;
  return more > 0 ? `${shown.join(', ')} ${ctx.tr('digest.more', { count: more })}` : shown.join(', ');
}

export function acknowledgementsSection(
  digest: Digest,
  ctx: DigestRenderContext,
  detail: DigestDetail,
): Section {
  const { tr } = ctx;
  const { acknowledged, pending } = digest.acknowledgements;
  const heading = tr('digest.ack.heading');
  const lines = [
    tr('digest.ack.count', { count: acknowledged.length, total: acknowledged.length + pending.length }),
  ];
  lines.push(
    acknowledged.length > 0
      ? `${tr('digest.ack.done')}: ${names(acknowledged, ctx, detail)}`
      : tr('digest.ack.none'),
  );
  if (pending.length > 0) lines.push(`${tr('digest.ack.pending')}: ${names(pending, ctx, detail)}`);
  return {
    elements: [
      text(heading, { weight: 'Bolder', size: 'Medium', separator: true, spacing: 'Medium' }),
      ...lines.map((line, i) =>
        text(line, {
          spacing: i === 0 ? 'Default' : 'Small',
          ...(i === 0 ? {} : { size: 'Small' as const }),
        }),
      ),
    ],
    lines: [heading, ...lines],
  };
}

export function footerSection(digest: Digest, ctx: DigestRenderContext): Section {
  const { tr, locale } = ctx;
  const lines = [
    tr('digest.footer.why', {
      forum: pick(digest.forum.name, locale),
      date: formatDateTime(digest.meeting.start, ctx.timeZone, locale),
    }),
    tr('digest.footer.stop', { command: tr('digest.command.off') }),
  ];
  return {
    elements: lines.map((line, i) =>
      text(line, {
        isSubtle: true,
        size: 'Small',
        ...(i === 0 ? { separator: true, spacing: 'Medium' as const } : { spacing: 'None' as const }),
      }),
    ),
    lines,
  };
}
